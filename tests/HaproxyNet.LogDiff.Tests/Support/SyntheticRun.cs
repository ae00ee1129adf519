using System.Globalization;
using System.Text.RegularExpressions;
using HaproxyNet.LogDiff.Normalization;

namespace HaproxyNet.LogDiff.Tests.Support;

/// <summary>
/// Rebuilds a plausible run description for a recorded raw log (whose run.json was not kept): pid and time
/// window from the lines, and one client per source address, numbered in order of first accept date.
/// </summary>
/// <remarks>Scenarios in which some clients are never logged list those ids in <see cref="UnloggedClients"/>.</remarks>
internal static partial class SyntheticRun
{
    /// <summary>Client ids whose connection leaves no log line (dontlognull, dontlog-normal), per scenario.</summary>
    public static readonly Dictionary<string, int[]> UnloggedClients = new()
    {
        ["tcp-log-options"] = [5],
        ["http-log-options"] = [3, 6, 7],
    };

    /// <summary>Placeholder ports visible in the recorded logs (a Host header, a Connect from line).</summary>
    public static readonly Dictionary<string, Dictionary<string, int>> KnownPorts = new()
    {
        ["tcp-log-options"] = new() { ["FE_PORT"] = 55745 },
        ["http-basic"] = new() { ["FE_PORT"] = 46145 },
    };

    [GeneratedRegex(@"^<\d+>(?<mon>[A-Z][a-z]{2}) (?<day>[ 1-3]\d) (?<time>\d\d:\d\d:\d\d) \S+?\[(?<pid>\d+)\]: (?<msg>.*)$")]
    private static partial Regex HeaderRegex();

    [GeneratedRegex(@"^(?<addr>\S+:\d+) \[(?<date>\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d\.\d{3})\] ")]
    private static partial Regex SessionRegex();

    [GeneratedRegex(@"^Connect from (?<addr>\S+:\d+) to ")]
    private static partial Regex ConnectRegex();

    public static RunDescription For(string scenario, IReadOnlyList<string> raw, int year = 2026)
    {
        var firstSeen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        DateTimeOffset? start = null, end = null;
        int? pid = null;
        foreach (var line in raw)
        {
            var header = HeaderRegex().Match(line);
            if (!header.Success)
            {
                continue;
            }

            pid ??= int.Parse(header.Groups["pid"].Value, CultureInfo.InvariantCulture);
            var logged = Local($"{year} {header.Groups["mon"].Value} {header.Groups["day"].Value.Trim()} {header.Groups["time"].Value}", "yyyy MMM d HH:mm:ss");
            start = start is null || logged < start ? logged : start;
            end = end is null || logged > end ? logged : end;

            var message = header.Groups["msg"].Value;
            var session = SessionRegex().Match(message);
            var connect = ConnectRegex().Match(message);
            string address;
            DateTimeOffset connected;
            if (session.Success)
            {
                address = session.Groups["addr"].Value;
                connected = Local(session.Groups["date"].Value, "dd/MMM/yyyy:HH:mm:ss.fff");
            }
            else if (connect.Success)
            {
                address = connect.Groups["addr"].Value;
                connected = logged;
            }
            else
            {
                continue;
            }

            if (!firstSeen.TryGetValue(address, out var seen) || connected < seen)
            {
                firstSeen[address] = connected;
            }
        }

        var skipped = UnloggedClients.GetValueOrDefault(scenario, []);
        var ordered = new List<KeyValuePair<string, DateTimeOffset>>(firstSeen);
        ordered.Sort(static (x, y) => x.Value.CompareTo(y.Value));
        var connections = new List<ClientConnection>();
        var id = 0;
        foreach (var (address, time) in ordered)
        {
            id++;
            while (Array.IndexOf(skipped, id) >= 0)
            {
                id++;
            }

            connections.Add(new ClientConnection(time, address, id));
        }

        return new RunDescription
        {
            Ports = KnownPorts.GetValueOrDefault(scenario) ?? new Dictionary<string, int>(),
            Pid = pid,
            ProgramNames = ["haproxy"],
            ClientConnections = connections,
            StartTime = (start ?? DateTimeOffset.UnixEpoch) - TimeSpan.FromSeconds(1),
            EndTime = (end ?? DateTimeOffset.UnixEpoch) + TimeSpan.FromSeconds(1),
        };
    }

    /// <summary>A local wall-clock time, as HAProxy writes it, turned into an instant on this machine.</summary>
    public static DateTimeOffset Local(string text, string format) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(text, format, CultureInfo.InvariantCulture), DateTimeKind.Local));
}
