using System.Globalization;
using System.Text.RegularExpressions;

namespace HaproxyNet.LogDiff.Normalization;

/// <summary>
/// Turns raw syslog datagrams of one run into stable lines: run-to-run noise (dates, tag, pid, client ports,
/// rendered ports) becomes tokens, everything HAProxy decided stays verbatim; then concurrent session lines
/// are put in client order (<see cref="SessionOrdering"/>).
/// </summary>
/// <remarks>
/// Port of <c>normalize</c> in the shared logcompare harness. Tokens: <c>SYSLOG_DATE</c>, <c>PROGNAME</c>,
/// <c>PID</c>, <c>ip:cN</c> / <c>ip:CPORT</c>, <c>[ACCEPT_DATE]</c>, <c>:&lt;NAME_PORT&gt;</c>; failed checks leave
/// <c>BAD_SYSLOG_DATE(...)</c>, <c>OTHER_PID(n)</c> or <c>BAD_DATE ...</c> so that they show up as differences.
/// </remarks>
public static partial class LogNormalizer
{
    /// <summary><c>&lt;PRI&gt;Mmm dd hh:mm:ss tag[pid]: message</c>, as HAProxy 1.4's <c>send_log</c> frames it.</summary>
    [GeneratedRegex(@"^<(?<pri>\d{1,3})>(?<date>(?<mon>[A-Z][a-z]{2}) (?<day>[ 1-3]\d) (?<time>\d\d:\d\d:\d\d)) (?<tag>\S+?)\[(?<pid>\d+)\]: (?<msg>.*)$")]
    private static partial Regex SyslogRegex();

    /// <summary>A session line (tcplog or httplog): <c>ip:port [dd/Mmm/yyyy:hh:mm:ss.mmm] rest</c>.</summary>
    [GeneratedRegex(@"^(?<ip>[0-9.]+|[0-9a-fA-F:]+):(?<port>\d+) \[(?<date>\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d\.\d{3})\] (?<rest>.*)$")]
    private static partial Regex SessionRegex();

    /// <summary>The line a TCP proxy without <c>option tcplog</c> sends at accept time.</summary>
    [GeneratedRegex(@"^Connect from (?<ip>[0-9.]+):(?<port>\d+) to (?<rest>.*)$")]
    private static partial Regex ConnectRegex();

    /// <summary>A port number right after a colon.</summary>
    [GeneratedRegex(@"(?<=:)(\d{2,5})\b")]
    private static partial Regex PortRegex();

    /// <summary>Normalizes <paramref name="rawLines"/> (one per datagram, in receive order) of the run <paramref name="run"/>.</summary>
    public static IReadOnlyList<string> Normalize(IReadOnlyList<string> rawLines, RunDescription run)
    {
        var context = new Context(run);
        var lines = new List<string>(rawLines.Count);
        for (var n = 0; n < rawLines.Count; n++)
        {
            var received = n < run.LogTimes.Count ? run.LogTimes[n] : DateTimeOffset.MaxValue;
            lines.Add(NormalizeLine(rawLines[n], received, context));
        }

        return SessionOrdering.Order(lines);
    }

    private static string NormalizeLine(string line, DateTimeOffset received, Context context)
    {
        var syslog = SyslogRegex().Match(line);
        if (!syslog.Success)
        {
            return "UNPARSED " + line;
        }

        var run = context.Run;
        var date = LocalDates.SyslogDateInRun(syslog.Groups["mon"].Value, syslog.Groups["day"].Value, syslog.Groups["time"].Value, run)
            ? "SYSLOG_DATE"
            : "BAD_SYSLOG_DATE(" + syslog.Groups["date"].Value + ")";
        var tag = syslog.Groups["tag"].Value;
        if (context.ProgramNames.Contains(tag))
        {
            tag = "PROGNAME";
        }

        var pid = syslog.Groups["pid"].Value;
        pid = pid == context.Pid ? "PID" : "OTHER_PID(" + pid + ")";

        var message = syslog.Groups["msg"].Value;
        var session = SessionRegex().Match(message);
        Match connect;
        if (session.Success)
        {
            var acceptDate = session.Groups["date"].Value;
            var acceptToken = LocalDates.AcceptDateInRun(acceptDate, run) ? "ACCEPT_DATE" : "BAD_DATE " + acceptDate;
            message = context.ClientToken(session.Groups["ip"].Value, session.Groups["port"].Value, received)
                + " [" + acceptToken + "] " + context.PortsBack(session.Groups["rest"].Value);
        }
        else if ((connect = ConnectRegex().Match(message)).Success)
        {
            message = "Connect from " + context.ClientToken(connect.Groups["ip"].Value, connect.Groups["port"].Value, received)
                + " to " + context.PortsBack(connect.Groups["rest"].Value);
        }
        else
        {
            message = context.PortsBack(message);
        }

        return "<" + syslog.Groups["pri"].Value + ">" + date + " " + tag + "[" + pid + "]: " + message;
    }

    /// <summary>Lookups prepared once per run.</summary>
    private sealed class Context
    {
        private readonly Dictionary<string, string> _portNames = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<ClientConnection>> _byAddress = new(StringComparer.Ordinal);

        public Context(RunDescription run)
        {
            Run = run;
            Pid = run.Pid?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            ProgramNames = new HashSet<string>(run.ProgramNames, StringComparer.Ordinal);
            foreach (var (name, port) in run.Ports)
            {
                _portNames[port.ToString(CultureInfo.InvariantCulture)] = name;
            }

            var connections = new List<ClientConnection>(run.ClientConnections);
            connections.Sort(CompareConnections);
            foreach (var connection in connections)
            {
                if (!_byAddress.TryGetValue(connection.Address, out var list))
                {
                    list = [];
                    _byAddress[connection.Address] = list;
                }

                list.Add(connection);
            }
        }

        public RunDescription Run { get; }

        public string Pid { get; }

        public HashSet<string> ProgramNames { get; }

        /// <summary>
        /// <c>ip:cN</c> for the harness client that used this address; a source port can be reused once the earlier
        /// connection is gone, so it is the last client that connected before the line was received.
        /// </summary>
        public string ClientToken(string ip, string port, DateTimeOffset received)
        {
            if (!_byAddress.TryGetValue(ip + ":" + port, out var candidates))
            {
                return ip + ":CPORT";
            }

            // Candidates are in connection order: keep the last one that connected no later than the line. With none
            // (clock skew), fall back to the last connection, as the harness does.
            var chosen = candidates[^1];
            for (var n = candidates.Count - 1; n >= 0; n--)
            {
                if (candidates[n].Time <= received)
                {
                    chosen = candidates[n];
                    break;
                }
            }

            return ip + ":c" + chosen.ClientId.ToString(CultureInfo.InvariantCulture);
        }

        // Time first, then address and id, so equal times still give one order.
        private static int CompareConnections(ClientConnection x, ClientConnection y)
        {
            var order = x.Time.CompareTo(y.Time);
            if (order == 0)
            {
                order = string.CompareOrdinal(x.Address, y.Address);
            }

            return order != 0 ? order : x.ClientId.CompareTo(y.ClientId);
        }

        /// <summary>Every <c>:port</c> that is a rendered placeholder becomes <c>:&lt;NAME_PORT&gt;</c>.</summary>
        public string PortsBack(string text) =>
            PortRegex().Replace(text, match => _portNames.TryGetValue(match.Value, out var name) ? "<" + name + ">" : match.Value);
    }
}
