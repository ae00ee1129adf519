using System.Text;
using HaproxyNet.Config.Environment;

namespace HaproxyNet.Host.Output;

/// <summary>
/// Writes <c>[ALERT] DDD/HHMMSS (PID) : text</c> and <c>[WARNING] ...</c> lines to stderr, one write and
/// one flush per message, with local time from an injected clock.
/// </summary>
/// <remarks>
/// Mirrors <c>Alert()</c> and <c>Warning()</c> in log.c. <c>DDD</c> is <c>tm_yday</c> (0 on 1 January).
/// The text carries its own newline and continuation lines; nothing is added after it. Filtering on
/// quiet mode is the caller's business. Characters are written as Latin-1 bytes, so a text that holds
/// the configuration's raw bytes (one char per byte) comes out byte for byte as 1.4 prints it.
/// </remarks>
public sealed class DiagnosticPrinter : IDiagnosticSink
{
    private readonly Stream _stream;
    private readonly TimeProvider _clock;
    private readonly int _pid;
    private readonly Lock _gate = new();

    public DiagnosticPrinter(Stream stream, TimeProvider clock, int pid)
    {
        _stream = stream;
        _clock = clock;
        _pid = pid;
    }

    public void Alert(string text) => Print("[ALERT] ", text);

    public void Warning(string text) => Print("[WARNING] ", text);

    /// <summary>The prefix for <paramref name="localTime"/>: <c>[ALERT] 327/143200 (11022) : </c>.</summary>
    public static string FormatPrefix(string tag, DateTimeOffset localTime, int pid)
    {
        var sb = new StringBuilder(40);
        sb.Append(tag);
        Append2Or3(sb, localTime.DayOfYear - 1, 3);
        sb.Append('/');
        Append2Or3(sb, localTime.Hour, 2);
        Append2Or3(sb, localTime.Minute, 2);
        Append2Or3(sb, localTime.Second, 2);
        sb.Append(" (").Append(pid.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(") : ");
        return sb.ToString();
    }

    private void Print(string tag, string text)
    {
        var message = FormatPrefix(tag, _clock.GetLocalNow(), _pid) + text;
        var bytes = Encoding.Latin1.GetBytes(message);
        lock (_gate)
        {
            try
            {
                _stream.Write(bytes);
                _stream.Flush();
            }
            catch (IOException)
            {
                // stderr closed: fprintf would fail silently too.
            }
        }
    }

    private static void Append2Or3(StringBuilder sb, int value, int width)
    {
        // %02d / %03d: zero-padded to the width, never truncated.
        var digits = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        sb.Append('0', Math.Max(0, width - digits.Length)).Append(digits);
    }
}
