using System.Globalization;
using System.Text.RegularExpressions;

namespace HaproxyNet.LogDiff.Input;

/// <summary>
/// Reads an HAProxy log the way operators keep it: datagrams as captured, rsyslog files (traditional or
/// high-precision), <c>journalctl</c> text (<c>short</c>, <c>short-iso</c>, <c>short-iso-precise</c>, <c>cat</c>).
/// The forms may be mixed line by line; the message text is never changed.
/// </summary>
public static partial class SyslogRecordReader
{
    private const string Tail = @"(?<tag>[^\s\[\]:]+)\[(?<pid>\d+)\]: (?<msg>.*)$";

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary><c>&lt;PRI&gt;Mmm dd hh:mm:ss [host ]tag[pid]: msg</c> (1.4 sends no host; a relay may add one).</summary>
    [GeneratedRegex(@"^<(?<pri>\d{1,3})>(?<mon>[A-Z][a-z]{2}) (?<day>[ 0-3]\d) (?<time>\d\d:\d\d:\d\d) (?:(?<host>[^\s\[\]]+) )?" + Tail)]
    private static partial Regex DatagramRegex();

    /// <summary><c>&lt;PRI&gt;1 TIMESTAMP HOST APP PROCID MSGID SD MSG</c> (RFC 5424), structured data <c>-</c> or bracketed.</summary>
    [GeneratedRegex(@"^<(?<pri>\d{1,3})>1 (?<ts>\S+) (?<host>\S+) (?<tag>\S+) (?<pid>\S+) (?<msgid>\S+) (?:-|(?:\[[^\]]*\])+) ?(?<msg>.*)$")]
    private static partial Regex Rfc5424Regex();

    /// <summary><c>Mmm dd hh:mm:ss host tag[pid]: msg</c>; the host may be absent in some relays' files.</summary>
    [GeneratedRegex(@"^(?<mon>[A-Z][a-z]{2}) (?<day>[ 0-3]\d) (?<time>\d\d:\d\d:\d\d) (?:(?<host>[^\s\[\]]+) )?" + Tail)]
    private static partial Regex TraditionalRegex();

    /// <summary><c>YYYY-MM-DDThh:mm:ss[.frac](Z|±hh:mm|±hhmm) host tag[pid]: msg</c>.</summary>
    [GeneratedRegex(@"^(?<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?) (?:(?<host>[^\s\[\]]+) )?" + Tail)]
    private static partial Regex IsoRegex();

    /// <summary>Reads every record of <paramref name="path"/>.</summary>
    public static IReadOnlyList<SyslogRecord> ReadFile(string path) => Read(File.ReadAllText(path));

    /// <summary>
    /// One record per non-blank line; journald's <c>-- Logs begin at ... --</c> / <c>-- No entries --</c> /
    /// <c>-- Boot ... --</c> markers and <c>#</c> comment lines are skipped.
    /// </summary>
    public static IReadOnlyList<SyslogRecord> Read(string text)
    {
        var records = new List<SyslogRecord>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#') || (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal))
                || line == "-- No entries --")
            {
                continue;
            }

            records.Add(Parse(line, lineNumber));
        }

        return records;
    }

    /// <summary>Recognises one line's framing (never throws: anything else is the message alone).</summary>
    public static SyslogRecord Parse(string line, int lineNumber = 1)
    {
        Match m;
        if ((m = DatagramRegex().Match(line)).Success)
        {
            return new SyslogRecord(
                lineNumber, SyslogForm.Datagram, Pri(m), ShortDate(m), false, m.Groups["tag"].Value, m.Groups["pid"].Value, m.Groups["msg"].Value);
        }

        if ((m = Rfc5424Regex().Match(line)).Success)
        {
            var pid = m.Groups["pid"].Value;
            var tag = m.Groups["tag"].Value;
            return new SyslogRecord(
                lineNumber, SyslogForm.Rfc5424Datagram, Pri(m), IsoDate(m.Groups["ts"].Value), true,
                tag == "-" ? null : tag, pid == "-" ? null : pid, m.Groups["msg"].Value);
        }

        if ((m = TraditionalRegex().Match(line)).Success)
        {
            return new SyslogRecord(
                lineNumber, SyslogForm.Traditional, null, ShortDate(m), false, m.Groups["tag"].Value, m.Groups["pid"].Value, m.Groups["msg"].Value);
        }

        if ((m = IsoRegex().Match(line)).Success)
        {
            return new SyslogRecord(
                lineNumber, SyslogForm.Iso, null, IsoDate(m.Groups["ts"].Value), true, m.Groups["tag"].Value, m.Groups["pid"].Value, m.Groups["msg"].Value);
        }

        return new SyslogRecord(lineNumber, SyslogForm.MessageOnly, null, null, false, null, null, line);
    }

    private static int Pri(Match m) => int.Parse(m.Groups["pri"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary><c>Mmm dd hh:mm:ss</c> as a wall time in year 1 (the caller supplies the year).</summary>
    private static DateTime? ShortDate(Match m)
    {
        var month = Array.IndexOf(Months, m.Groups["mon"].Value) + 1;
        if (month == 0
            || !int.TryParse(m.Groups["day"].ValueSpan.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || day < 1 || day > DateTime.DaysInMonth(2000, month)
            || !TimeOnly.TryParseExact(m.Groups["time"].Value, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return null;
        }

        // Year 2000 is a leap year, so 29 Feb fits; the caller replaces the year.
        return new DateTime(2000, month, day, time.Hour, time.Minute, time.Second, DateTimeKind.Unspecified);
    }

    /// <summary>An ISO 8601 timestamp as local wall time (offsets are converted to this machine's zone, as HAProxy dates are).</summary>
    private static DateTime? IsoDate(string text)
    {
        // Normalise ±hhmm to ±hh:mm for the parser.
        if (text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && char.IsAsciiDigit(text[^1]) && text[^3] != ':')
        {
            text = text[..^2] + ":" + text[^2..];
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var value))
        {
            return null;
        }

        return TimeZoneInfo.ConvertTime(value, TimeZoneInfo.Local).DateTime;
    }

    /// <summary>The 3-letter month name of <paramref name="month"/> (1..12).</summary>
    internal static string MonthName(int month) => Months[month - 1];
}
