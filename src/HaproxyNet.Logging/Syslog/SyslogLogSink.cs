using HaproxyNet.Core.Logging;
using HaproxyNet.Logging.Targets;
using NLog;

namespace HaproxyNet.Logging.Syslog;

/// <summary>
/// Core's log sink: builds the exact 1.4 syslog line and hands it to NLog on the <c>HaproxyNet.Syslog</c>
/// logger, where <see cref="SyslogUdpTarget"/> sends it and any nlog.config rule may also copy it.
/// </summary>
/// <remarks>
/// 1.4's <c>send_log</c> after logger selection. Per line: one pooled character buffer, one string and one
/// NLog event (what NLog needs); the header is rebuilt once per second. Never throws to the engine.
/// The NLog message is the datagram text without its final LF, which every datagram has.
/// </remarks>
public sealed class SyslogLogSink : ILogSink
{
    /// <summary>The NLog logger that carries syslog lines.</summary>
    public const string LoggerName = "HaproxyNet.Syslog";

    private static readonly object[] BoxedInts = CreateBoxedInts();

    private readonly Logger _logger;
    private readonly SyslogHeader _header;
    private readonly char[] _line = new char[SyslogLine.MaxLength];
    private readonly Lock _lock = new();

    public SyslogLogSink(LogFactory factory, TimeProvider time, SyslogOptions? options = null)
    {
        _logger = factory.GetLogger(LoggerName);
        _header = new SyslogHeader(time, options ?? new SyslogOptions());
    }

    /// <inheritdoc />
    public void Send(LogTarget target, int level, ReadOnlySpan<char> message)
    {
        var nlogLevel = ToNLogLevel(level);
        if (!_logger.IsEnabled(nlogLevel))
        {
            return;
        }

        try
        {
            string text;
            lock (_lock)
            {
                var length = SyslogLine.Format(_line, target.Facility, level, _header.Current(), message);
                text = new string(_line, 0, length - 1);
            }

            var logEvent = LogEventInfo.Create(nlogLevel, LoggerName, text);
            logEvent.Properties[SyslogProperties.Target] = target;
            logEvent.Properties[SyslogProperties.Level] = Box(level);
            logEvent.Properties[SyslogProperties.Facility] = Box(target.Facility);
            _logger.Log(logEvent);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Logging must never take the engine down (1.4 ignores send errors too).
        }
    }

    /// <summary>emerg/alert/crit → Fatal, err → Error, warning → Warn, notice/info → Info, debug → Debug.</summary>
    public static LogLevel ToNLogLevel(int level) => level switch
    {
        <= 2 => LogLevel.Fatal,
        3 => LogLevel.Error,
        4 => LogLevel.Warn,
        5 or 6 => LogLevel.Info,
        _ => LogLevel.Debug,
    };

    private static object Box(int value) => (uint)value < (uint)BoxedInts.Length ? BoxedInts[value] : value;

    private static object[] CreateBoxedInts()
    {
        var boxes = new object[32];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = i;
        }

        return boxes;
    }
}
