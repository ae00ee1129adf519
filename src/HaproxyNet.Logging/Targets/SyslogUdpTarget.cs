using System.Text;
using HaproxyNet.Core.Logging;
using NLog;
using NLog.Targets;

namespace HaproxyNet.Logging.Targets;

/// <summary>
/// NLog target that sends each <c>HaproxyNet.Syslog</c> event as one syslog datagram to the event's
/// <see cref="LogTarget"/>. The event message is already the full line (PRI, header, truncated data) without
/// the final LF, which is added back here.
/// </summary>
/// <remarks>
/// Registered in code as <c>SyslogUdp</c> (see <see cref="Diagnostics.HaproxyNetLogging"/>). Events without the
/// <c>target</c> property (not produced by <see cref="Syslog.SyslogLogSink"/>) are ignored. One reusable
/// 1 KiB buffer: NLog serialises writes to a target.
/// </remarks>
[Target(TypeName)]
public sealed class SyslogUdpTarget : Target
{
    public const string TypeName = "SyslogUdp";

    private static readonly Encoding Latin1 = Encoding.Latin1;
    private readonly byte[] _buffer = new byte[Syslog.SyslogLine.MaxLength + 1];
    private SyslogTransport? _transport;

    public SyslogUdpTarget()
    {
        Name = "syslog";
    }

    /// <summary>Called for every datagram that could not be sent (the host prints 1.4's alert).</summary>
    public Action<SyslogSendFailure>? SendFailed { get; set; }

    /// <summary>Datagrams handed to the kernel so far.</summary>
    public long Sent { get; private set; }

    protected override void InitializeTarget()
    {
        base.InitializeTarget();
        _transport = new SyslogTransport();
    }

    protected override void CloseTarget()
    {
        _transport?.Dispose();
        _transport = null;
        base.CloseTarget();
    }

    protected override void Write(LogEventInfo logEvent)
    {
        if (_transport is null
            || !logEvent.HasProperties
            || !logEvent.Properties.TryGetValue(SyslogProperties.Target, out var value)
            || value is not LogTarget target)
        {
            return;
        }

        var line = logEvent.FormattedMessage ?? string.Empty;
        var length = Latin1.GetBytes(line.AsSpan(0, Math.Min(line.Length, Syslog.SyslogLine.MaxLength - 1)), _buffer);
        _buffer[length++] = (byte)'\n';

        var failure = _transport.Send(target, _buffer.AsSpan(0, length));
        if (failure is null)
        {
            Sent++;
        }
        else
        {
            SendFailed?.Invoke(failure.Value);
        }
    }
}
