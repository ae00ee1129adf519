namespace HaproxyNet.LogDiff.Parsing;

/// <summary>What a normalized log line turned out to be.</summary>
/// <remarks>The names are the ones the difference report prints (<c>line kind: expected tcplog, actual event</c>).</remarks>
public enum LogLineKind
{
    /// <summary>No <c>&lt;PRI&gt;date tag[pid]: </c> header: the whole line is kept as <c>text</c>.</summary>
    Unparsed,

    /// <summary>A session line in <c>option tcplog</c> format (log.c <c>tcp_sess_log</c>).</summary>
    TcpLog,

    /// <summary>A session line in <c>option httplog</c> format (proto_http.c <c>http_sess_log</c>).</summary>
    HttpLog,

    /// <summary>Anything else with a syslog header: proxy start/stop, server UP/DOWN, health checks, <c>Connect from</c>.</summary>
    Event,
}
