using System.Text.RegularExpressions;

namespace HaproxyNet.LogDiff.Parsing;

/// <summary>Splits a normalized syslog line into tcplog, httplog or event fields.</summary>
/// <remarks>
/// The formats are the ones HAProxy 1.4 builds in <c>tcp_sess_log</c> (log.c) and <c>http_sess_log</c>
/// (proto_http.c); the field names and group order follow the shared logcompare harness so that reports agree.
/// </remarks>
public static partial class LogLineParser
{
    private const string Counters =
        @"(?<actconn>\d+)/(?<feconn>\d+)/(?<beconn>\d+)/(?<srv_conn>\d+)/(?<retries>\+?\d+) " +
        @"(?<srv_queue>\d+)/(?<backend_queue>\d+)";

    private const string SessionHead =
        @"^(?<client>\S+) \[(?<accept_date>[^\]]*)\] (?<frontend>\S+) (?<backend>[^ /]+)/(?<server>\S+) ";

    private const string TcpLogPattern =
        SessionHead + @"(?<Tw>-?\d+)/(?<Tc>-?\d+)/(?<Tt>\+?-?\d+) (?<bytes_read>\+?\d+) " +
        @"(?<termination_state>\S\S) " + Counters + "$";

    private const string HttpLogPattern =
        SessionHead + @"(?<Tq>-?\d+)/(?<Tw>-?\d+)/(?<Tc>-?\d+)/(?<Tr>-?\d+)/(?<Tt>\+?-?\d+) " +
        @"(?<status>-?\d+) (?<bytes_read>\+?\d+) " +
        @"(?<captured_request_cookie>\S+) (?<captured_response_cookie>\S+) " +
        @"(?<termination_state>\S{4}) " + Counters +
        @"(?<captured_headers>(?: \{[^}]*\})*) ""(?<request>.*)$";

    [GeneratedRegex(@"^<(?<pri>\d+|PRI)>(?<date>\S+) (?<tag>\S+?)\[(?<pid>[^\]]+)\]: (?<msg>.*)$")]
    private static partial Regex HeaderRegex();

    [GeneratedRegex(TcpLogPattern, RegexOptions.ExplicitCapture)]
    private static partial Regex TcpLogRegex();

    [GeneratedRegex(HttpLogPattern, RegexOptions.ExplicitCapture)]
    private static partial Regex HttpLogRegex();

    [GeneratedRegex(@"(?<=check duration: )(\d+)(?=ms)")]
    private static partial Regex CheckDurationRegex();

    /// <summary>Parses one normalized line; never throws (an unrecognised line is <see cref="LogLineKind.Unparsed"/>).</summary>
    public static ParsedLogLine Parse(string line)
    {
        var header = HeaderRegex().Match(line);
        if (!header.Success)
        {
            return new ParsedLogLine(LogLineKind.Unparsed, [new LogField(LogFieldNames.Text, line)]);
        }

        var fields = new List<LogField>(32)
        {
            new(LogFieldNames.SyslogPri, header.Groups["pri"].Value),
            new(LogFieldNames.SyslogDate, header.Groups["date"].Value),
            new(LogFieldNames.Tag, header.Groups["tag"].Value),
            new(LogFieldNames.Pid, header.Groups["pid"].Value),
        };
        var message = header.Groups["msg"].Value;

        if (TryAddSession(TcpLogRegex(), message, fields))
        {
            return new ParsedLogLine(LogLineKind.TcpLog, fields);
        }

        if (TryAddSession(HttpLogRegex(), message, fields))
        {
            // The request is quoted; the closing quote is not part of it (it may be missing when truncated).
            var last = fields[^1];
            if (last.Value.EndsWith('"'))
            {
                fields[^1] = last with { Value = last.Value[..^1] };
            }

            return new ParsedLogLine(LogLineKind.HttpLog, fields);
        }

        var duration = CheckDurationRegex().Match(message);
        if (duration.Success)
        {
            fields.Add(new LogField(LogFieldNames.CheckDuration, duration.Value));
            message = CheckDurationRegex().Replace(message, "N");
        }

        fields.Add(new LogField(LogFieldNames.Text, message));
        return new ParsedLogLine(LogLineKind.Event, fields);
    }

    private static bool TryAddSession(Regex regex, string message, List<LogField> fields)
    {
        var match = regex.Match(message);
        if (!match.Success)
        {
            return false;
        }

        // Group 0 is the whole match; named groups follow in pattern order.
        for (var i = 1; i < match.Groups.Count; i++)
        {
            var group = match.Groups[i];
            fields.Add(new LogField(group.Name, group.Value));
        }

        return true;
    }
}
