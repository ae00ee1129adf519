using System.Globalization;
using System.Text.RegularExpressions;
using HaproxyNet.LogDiff.Normalization;

namespace HaproxyNet.LogDiff.Input;

/// <summary>
/// An operator's HAProxy log made comparable: its records re-framed as 1.4 datagrams and a
/// <see cref="RunDescription"/> inferred from the log itself, so that <see cref="LogNormalizer"/> turns it into the
/// same normalized lines the test harness compares.
/// </summary>
/// <remarks>
/// Without a harness there is no list of client connections: sessions get their ids <c>cN</c> in the order of their
/// accept dates (ties in file order), which is how two runs of the same traffic line up. The pid is the file's most
/// frequent one (other pids stay visible as <c>OTHER_PID(n)</c>), every tag in the file counts as the program name,
/// and dates are only checked for being well-formed (the window is the span of the log's own dates).
/// </remarks>
public sealed partial class OperatorLog
{
    [GeneratedRegex(@"^(?<ip>[0-9.]+|[0-9a-fA-F:]+):(?<port>\d+) \[(?<date>(?<day>\d\d)/(?<mon>[A-Z][a-z]{2})/(?<year>\d{4}):(?<time>\d\d:\d\d:\d\d)\.(?<ms>\d{3}))\] ")]
    private static partial Regex SessionRegex();

    [GeneratedRegex(@"^Connect from (?<ip>[0-9.]+):(?<port>\d+) to ")]
    private static partial Regex ConnectRegex();

    private OperatorLog(string name, IReadOnlyList<SyslogRecord> records, IReadOnlyList<string> rawLines, RunDescription run, IReadOnlyList<SessionInfo> sessions)
    {
        Name = name;
        Records = records;
        RawLines = rawLines;
        Run = run;
        Sessions = sessions;
    }

    /// <summary>What the log was read from (a path).</summary>
    public string Name { get; }

    public IReadOnlyList<SyslogRecord> Records { get; }

    /// <summary>The records as 1.4 datagram lines (<c>&lt;PRI&gt;Mmm dd hh:mm:ss tag[pid]: msg</c>; PRI 0 where the file has none).</summary>
    public IReadOnlyList<string> RawLines { get; }

    /// <summary>The run description inferred from the log.</summary>
    public RunDescription Run { get; }

    /// <summary>Session lines in client-id order: <c>Sessions[N-1]</c> is client <c>cN</c>.</summary>
    public IReadOnlyList<SessionInfo> Sessions { get; }

    /// <summary>Whether every record carries its syslog PRI (datagram forms).</summary>
    public bool HasPriorities
    {
        get
        {
            foreach (var record in Records)
            {
                if (record.Priority is null)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Reads <paramref name="path"/> (any <see cref="SyslogForm"/>, mixed).</summary>
    public static OperatorLog ReadFile(string path) => FromRecords(path, SyslogRecordReader.ReadFile(path));

    /// <summary>Builds the comparable form of <paramref name="records"/>.</summary>
    public static OperatorLog FromRecords(string name, IReadOnlyList<SyslogRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);

        // Sessions and their accept instants; the year for year-less header dates comes from them.
        var sessionOf = new SessionInfo?[records.Count];
        var year = 0;
        for (var n = 0; n < records.Count; n++)
        {
            var m = SessionRegex().Match(records[n].Message);
            if (m.Success && ToInstant(m) is { } accepted)
            {
                sessionOf[n] = new SessionInfo(0, m.Groups["ip"].Value + ":" + m.Groups["port"].Value, m.Groups["date"].Value, accepted, records[n].LineNumber);
                year = year == 0 ? accepted.Year : year;
            }

            if (year == 0 && records[n].HasYear && records[n].Timestamp is { } ts)
            {
                year = ts.Year;
            }
        }

        year = year == 0 ? 2000 : year;
        var headers = new DateTimeOffset?[records.Count];
        var instants = new List<DateTimeOffset>();
        for (var n = 0; n < records.Count; n++)
        {
            if (records[n].Timestamp is { } ts)
            {
                var wall = records[n].HasYear ? ts : WithYear(ts, year);
                headers[n] = Local(wall);
                instants.Add(headers[n]!.Value);
            }

            if (sessionOf[n] is { } s)
            {
                instants.Add(s.Accepted);
            }
        }

        // "Connect from" lines (tcplog off) have no accept date: the header date is the connection time.
        for (var n = 0; n < records.Count; n++)
        {
            var c = ConnectRegex().Match(records[n].Message);
            if (sessionOf[n] is null && c.Success && headers[n] is { } at)
            {
                sessionOf[n] = new SessionInfo(0, c.Groups["ip"].Value + ":" + c.Groups["port"].Value, string.Empty, at, records[n].LineNumber);
            }
        }

        var start = instants.Count > 0 ? Min(instants) : new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = instants.Count > 0 ? Max(instants) : start;

        // Client ids: accept order, file order on ties.
        var order = new List<int>();
        for (var n = 0; n < records.Count; n++)
        {
            if (sessionOf[n] is not null)
            {
                order.Add(n);
            }
        }

        order.Sort((x, y) =>
        {
            var c = sessionOf[x]!.Accepted.CompareTo(sessionOf[y]!.Accepted);
            return c != 0 ? c : x.CompareTo(y);
        });
        var sessions = new List<SessionInfo>(order.Count);
        var connections = new List<ClientConnection>(order.Count);
        foreach (var n in order)
        {
            var s = sessionOf[n]! with { ClientId = sessions.Count + 1 };
            sessionOf[n] = s;
            sessions.Add(s);
            connections.Add(new ClientConnection(s.Accepted, s.Address, s.ClientId));
        }

        var pid = MostFrequentPid(records);
        var tags = new SortedSet<string>(StringComparer.Ordinal) { "-" };
        var raw = new List<string>(records.Count);
        var logTimes = new List<DateTimeOffset>(records.Count);
        for (var n = 0; n < records.Count; n++)
        {
            var r = records[n];
            tags.Add(r.Tag ?? "-");
            var header = headers[n] ?? start;
            raw.Add(string.Create(CultureInfo.InvariantCulture,
                $"<{r.Priority ?? 0}>{SyslogRecordReader.MonthName(header.Month)} {header.Day,2} {header:HH:mm:ss} {r.Tag ?? "-"}[{r.Pid ?? pid.ToString(CultureInfo.InvariantCulture)}]: {r.Message}"));

            // The line's own accept instant picks its own connection when a source port is reused.
            logTimes.Add(sessionOf[n]?.Accepted ?? DateTimeOffset.MaxValue);
        }

        var run = new RunDescription
        {
            Pid = pid,
            ProgramNames = tags,
            ClientConnections = connections,
            LogTimes = logTimes,
            StartTime = start,
            EndTime = end,
        };
        return new OperatorLog(name, records, raw, run, sessions);
    }

    /// <summary>The normalized lines (the harness's tokens; PRI kept as written, or 0 where the file has none).</summary>
    public IReadOnlyList<string> Normalize() => LogNormalizer.Normalize(RawLines, Run);

    /// <summary>The session known as client <c>cN</c>, or null.</summary>
    public SessionInfo? Session(int clientId) => clientId >= 1 && clientId <= Sessions.Count ? Sessions[clientId - 1] : null;

    private static int MostFrequentPid(IReadOnlyList<SyslogRecord> records)
    {
        var counts = new Dictionary<int, int>();
        var best = 0;
        var bestCount = 0;
        foreach (var r in records)
        {
            if (r.Pid is null || !int.TryParse(r.Pid, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            counts[pid] = counts.GetValueOrDefault(pid) + 1;
            if (counts[pid] > bestCount)
            {
                best = pid;
                bestCount = counts[pid];
            }
        }

        return best;
    }

    private static DateTime WithYear(DateTime wall, int year) =>
        wall.Month == 2 && wall.Day == 29 && !DateTime.IsLeapYear(year) ? wall.AddYears(year - wall.Year - 1) : wall.AddYears(year - wall.Year);

    private static DateTimeOffset Local(DateTime wall)
    {
        var zone = TimeZoneInfo.Local;
        if (zone.IsInvalidTime(wall))
        {
            wall = wall.AddHours(1);
        }

        return new DateTimeOffset(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), zone.GetUtcOffset(wall));
    }

    private static DateTimeOffset? ToInstant(Match m)
    {
        var text = m.Groups["date"].Value;
        if (!DateTime.TryParseExact(text, "dd/MMM/yyyy:HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            return null;
        }

        return Local(wall);
    }

    private static DateTimeOffset Min(List<DateTimeOffset> values)
    {
        var min = values[0];
        foreach (var v in values)
        {
            min = v < min ? v : min;
        }

        return min;
    }

    private static DateTimeOffset Max(List<DateTimeOffset> values)
    {
        var max = values[0];
        foreach (var v in values)
        {
            max = v > max ? v : max;
        }

        return max;
    }
}

/// <summary>A session line of an operator's log.</summary>
/// <param name="ClientId">Its id <c>cN</c> (accept order), 0 until assigned.</param>
/// <param name="Address">Client <c>ip:port</c> as logged.</param>
/// <param name="AcceptDate">The accept date as logged (<c>dd/Mmm/yyyy:hh:mm:ss.mmm</c>), empty for a <c>Connect from</c> line.</param>
/// <param name="Accepted">That date as an instant (local zone).</param>
/// <param name="LineNumber">Its line in the file.</param>
public sealed record SessionInfo(int ClientId, string Address, string AcceptDate, DateTimeOffset Accepted, int LineNumber);
