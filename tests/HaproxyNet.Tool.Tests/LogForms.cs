using System.Globalization;
using System.Text.RegularExpressions;

namespace HaproxyNet.Tool.Tests;

/// <summary>
/// Re-frames a recorded raw log (1.4 datagrams) the way rsyslog and journald store it; the message text, i.e. the
/// log content 1.4 wrote, is kept byte for byte.
/// </summary>
internal static partial class LogForms
{
    [GeneratedRegex(@"^<(?<pri>\d+)>(?<mon>[A-Z][a-z]{2}) (?<day>[ 0-3]\d) (?<time>\d\d:\d\d:\d\d) (?<tag>[^\[]+)\[(?<pid>\d+)\]: (?<msg>.*)$")]
    private static partial Regex DatagramRegex();

    public static IEnumerable<string> Datagrams(string path)
    {
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    /// <summary>rsyslog's default file format (RSYSLOG_TraditionalFileFormat), also <c>journalctl -o short</c>.</summary>
    public static string Traditional(string path, string host = "lb1") =>
        Convert(path, m => $"{m.Groups["mon"].Value} {m.Groups["day"].Value} {m.Groups["time"].Value} {host} {m.Groups["tag"].Value}[{m.Groups["pid"].Value}]: {m.Groups["msg"].Value}", "-- Logs begin at Mon 2026-11-23 00:00:00 UTC. --");

    /// <summary>rsyslog's high-precision format (RSYSLOG_FileFormat): RFC 3339 with microseconds and offset.</summary>
    public static string RsyslogIso(string path) =>
        Convert(path, m => $"{Iso(m)}.000000+00:00 lb1 {m.Groups["tag"].Value}[{m.Groups["pid"].Value}]: {m.Groups["msg"].Value}", null);

    /// <summary><c>journalctl -o short-iso</c>: offset without a colon.</summary>
    public static string JournalShortIso(string path) =>
        Convert(path, m => $"{Iso(m)}+0000 lb1 {m.Groups["tag"].Value}[{m.Groups["pid"].Value}]: {m.Groups["msg"].Value}", "-- Journal begins at Mon 2026-11-23 00:00:00 UTC, ends at Tue 2026-11-24 16:00:00 UTC. --");

    /// <summary><c>journalctl -o cat</c>: the message alone.</summary>
    public static string JournalCat(string path) => Convert(path, m => m.Groups["msg"].Value, null);

    /// <summary>An RFC 5424 datagram as a relay forwards it.</summary>
    public static string Rfc5424(string path) =>
        Convert(path, m => $"<{m.Groups["pri"].Value}>1 {Iso(m)}.000Z lb1 {m.Groups["tag"].Value} {m.Groups["pid"].Value} - - {m.Groups["msg"].Value}", null);

    private static string Iso(Match m)
    {
        var month = DateTime.ParseExact(m.Groups["mon"].Value, "MMM", CultureInfo.InvariantCulture).Month;
        var day = int.Parse(m.Groups["day"].Value.Trim(), CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"2026-{month:00}-{day:00}T{m.Groups["time"].Value}");
    }

    private static string Convert(string path, Func<Match, string> format, string? banner)
    {
        var lines = new List<string>();
        if (banner is not null)
        {
            lines.Add(banner);
        }

        foreach (var line in Datagrams(path))
        {
            var m = DatagramRegex().Match(line);
            Assert.True(m.Success, line);
            lines.Add(format(m));
        }

        return string.Join('\n', lines) + "\n";
    }
}
