using System.Globalization;
using System.Text;
using HaproxyNet.LogDiff.Input;
using HaproxyNet.LogDiff.Parsing;

namespace HaproxyNet.Tool.Stats;

/// <summary>Counts for one server (<c>backend/server</c>).</summary>
internal sealed class ServerStats
{
    public int Sessions { get; set; }

    public int Errors { get; set; }

    /// <summary>Sessions with Tw above 0 (they waited in a queue, or for a retry).</summary>
    public int Queued { get; set; }

    public long TwSum { get; set; }

    public int TwCount { get; set; }

    public long TwMax { get; set; }

    public long TtSum { get; set; }

    public double AvgTw => TwCount == 0 ? 0 : (double)TwSum / TwCount;

    public double AvgTt => Sessions == 0 ? 0 : (double)TtSum / Sessions;
}

/// <summary>Per-URL figures of HTTP lines.</summary>
internal sealed class UrlStats
{
    public int Requests { get; set; }

    public int Errors { get; set; }

    public long TtSum { get; set; }

    public long TtMax { get; set; }

    public double AvgTt => Requests == 0 ? 0 : (double)TtSum / Requests;
}

/// <summary>
/// What HAProxy's <c>halog</c> reports, from 1.4-format tcplog and httplog lines: per-server and per-status
/// counts, errors, queue-time statistics, the slowest URLs and the termination-state histogram.
/// </summary>
/// <remarks>
/// An error is a session whose termination state does not start with '-' or, for HTTP, whose status is 5xx or -1
/// (halog's <c>-e</c> view). Queue time is <c>Tw</c>; sessions that never reached the queue stage (<c>Tw = -1</c>)
/// are left out of its average. URLs are the request's path without the query string.
/// </remarks>
internal sealed class LogStatistics
{
    public int Lines { get; private set; }

    public int TcpSessions { get; private set; }

    public int HttpSessions { get; private set; }

    public int Sessions => TcpSessions + HttpSessions;

    public int OtherLines { get; private set; }

    public int Errors { get; private set; }

    /// <summary>Sessions with Tw above 0.</summary>
    public int Queued { get; private set; }

    /// <summary>Tw of every session with Tw ≥ 0, sorted.</summary>
    public List<long> QueueTimes { get; } = [];

    public int MaxBackendQueue { get; private set; }

    public int MaxServerQueue { get; private set; }

    public SortedDictionary<string, ServerStats> Servers { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> Statuses { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> TerminationStates { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, UrlStats> Urls { get; } = new(StringComparer.Ordinal);

    public static LogStatistics From(IReadOnlyList<SyslogRecord> records)
    {
        var stats = new LogStatistics();
        foreach (var record in records)
        {
            stats.Add(record.Message);
        }

        stats.QueueTimes.Sort();
        return stats;
    }

    /// <summary>The slowest URLs by average Tt (then by request count, then name), at most <paramref name="count"/>.</summary>
    public List<(string Url, UrlStats Stats)> SlowestUrls(int count)
    {
        var list = new List<(string Url, UrlStats Stats)>();
        foreach (var (url, s) in Urls)
        {
            list.Add((url, s));
        }

        list.Sort((x, y) =>
        {
            var c = y.Stats.AvgTt.CompareTo(x.Stats.AvgTt);
            c = c != 0 ? c : y.Stats.Requests.CompareTo(x.Stats.Requests);
            return c != 0 ? c : string.CompareOrdinal(x.Url, y.Url);
        });
        return list.Count > count ? list.GetRange(0, count) : list;
    }

    /// <summary>The <paramref name="p"/>-th percentile (nearest rank) of the queue times, or 0.</summary>
    public long QueuePercentile(double p)
    {
        if (QueueTimes.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * QueueTimes.Count);
        return QueueTimes[Math.Clamp(rank - 1, 0, QueueTimes.Count - 1)];
    }

    public double AvgQueueTime
    {
        get
        {
            long sum = 0;
            foreach (var t in QueueTimes)
            {
                sum += t;
            }

            return QueueTimes.Count == 0 ? 0 : (double)sum / QueueTimes.Count;
        }
    }

    public string Format(int urls = 10)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(inv, $"lines: {Lines}, sessions: {Sessions} (tcplog {TcpSessions}, httplog {HttpSessions}), other lines: {OtherLines}\n");
        text.Append(inv, $"errors: {Errors} ({Percent(Errors, Sessions)})\n");
        text.Append(inv, $"queue time Tw: {Queued} session(s) above 0 ms; over {QueueTimes.Count} with Tw >= 0: avg {AvgQueueTime:F1} ms, ");
        text.Append(inv, $"p50 {QueuePercentile(50)} ms, p95 {QueuePercentile(95)} ms, max {(QueueTimes.Count == 0 ? 0 : QueueTimes[^1])} ms; ");
        text.Append(inv, $"max backend queue {MaxBackendQueue}, max server queue {MaxServerQueue}\n\n");

        text.Append("per server:\n");
        text.Append(inv, $"  {"server",-32} {"sessions",8} {"errors",7} {"queued",7} {"avg Tw",8} {"max Tw",7} {"avg Tt",8}\n");
        foreach (var (name, s) in Servers)
        {
            text.Append(inv, $"  {name,-32} {s.Sessions,8} {s.Errors,7} {s.Queued,7} {s.AvgTw,8:F1} {s.TwMax,7} {s.AvgTt,8:F1}\n");
        }

        if (Statuses.Count > 0)
        {
            text.Append("\nper status:\n");
            foreach (var (status, count) in Statuses)
            {
                text.Append(inv, $"  {status} {count}\n");
            }
        }

        text.Append("\ntermination states:\n");
        foreach (var (state, count) in TerminationStates)
        {
            text.Append(inv, $"  {state} {count}\n");
        }

        if (Urls.Count > 0)
        {
            text.Append("\nslowest URLs (by average Tt):\n");
            text.Append(inv, $"  {"avg Tt",8} {"max Tt",7} {"reqs",5} {"errors",6}  url\n");
            foreach (var (url, s) in SlowestUrls(urls))
            {
                text.Append(inv, $"  {s.AvgTt,8:F1} {s.TtMax,7} {s.Requests,5} {s.Errors,6}  {url}\n");
            }
        }

        return text.ToString();
    }

    private static string Percent(int n, int total) =>
        total == 0 ? "0 %" : ((double)n * 100 / total).ToString("F1", CultureInfo.InvariantCulture) + " %";

    private static long Timer(string? value) =>
        value is not null && long.TryParse(value.TrimStart('+'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : -1;

    private void Add(string message)
    {
        Lines++;
        var line = LogLineParser.Parse("<0>DATE t[0]: " + message);
        if (line.Kind is not (LogLineKind.TcpLog or LogLineKind.HttpLog))
        {
            OtherLines++;
            return;
        }

        var http = line.Kind == LogLineKind.HttpLog;
        if (http)
        {
            HttpSessions++;
        }
        else
        {
            TcpSessions++;
        }

        var state = line[LogFieldNames.TerminationState] ?? string.Empty;
        TerminationStates[state] = TerminationStates.GetValueOrDefault(state) + 1;
        var status = line[LogFieldNames.Status];
        if (status is not null)
        {
            Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
        }

        var error = state.Length > 0 && state[0] != '-';
        if (http && status is not null && (status == "-1" || status.StartsWith('5')))
        {
            error = true;
        }

        if (error)
        {
            Errors++;
        }

        var tw = Timer(line[LogFieldNames.Tw]);
        var tt = Math.Max(0, Timer(line[LogFieldNames.Tt]));
        if (tw >= 0)
        {
            QueueTimes.Add(tw);
        }

        if (tw > 0)
        {
            Queued++;
        }

        MaxBackendQueue = Math.Max(MaxBackendQueue, (int)Math.Max(0, Timer(line[LogFieldNames.BackendQueue])));
        MaxServerQueue = Math.Max(MaxServerQueue, (int)Math.Max(0, Timer(line[LogFieldNames.SrvQueue])));

        var key = line[LogFieldNames.Backend] + "/" + line[LogFieldNames.Server];
        if (!Servers.TryGetValue(key, out var srv))
        {
            srv = new ServerStats();
            Servers[key] = srv;
        }

        srv.Sessions++;
        srv.Errors += error ? 1 : 0;
        srv.TtSum += tt;
        if (tw >= 0)
        {
            srv.TwSum += tw;
            srv.TwCount++;
            srv.TwMax = Math.Max(srv.TwMax, tw);
        }

        srv.Queued += tw > 0 ? 1 : 0;

        if (http && line[LogFieldNames.Request] is { } request)
        {
            var url = Url(request);
            if (!Urls.TryGetValue(url, out var u))
            {
                u = new UrlStats();
                Urls[url] = u;
            }

            u.Requests++;
            u.Errors += error ? 1 : 0;
            u.TtSum += tt;
            u.TtMax = Math.Max(u.TtMax, tt);
        }
    }

    /// <summary>The path of <c>METHOD path?query HTTP/x.y</c>, or the whole text (e.g. <c>&lt;BADREQ&gt;</c>).</summary>
    private static string Url(string request)
    {
        var words = request.Split(' ');
        var url = words.Length >= 2 ? words[1] : request;
        var q = url.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? url : url[..q];
    }
}
