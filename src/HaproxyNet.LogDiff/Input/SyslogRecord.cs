namespace HaproxyNet.LogDiff.Input;

/// <summary>One HAProxy log line as found in an operator's file, whatever the framing it came in.</summary>
/// <param name="LineNumber">1-based line in the file it was read from.</param>
/// <param name="Form">The framing it was recognised as.</param>
/// <param name="Priority">The syslog PRI when the framing carries it (datagrams), else null.</param>
/// <param name="Timestamp">The header date as local wall time, when the framing has one (no year: year 1 is replaced by the caller).</param>
/// <param name="HasYear">Whether <paramref name="Timestamp"/> carries a real year (ISO forms) or not (<c>Mmm dd hh:mm:ss</c>).</param>
/// <param name="Tag">The program tag (<c>haproxy</c>), or null for <c>journalctl -o cat</c> lines.</param>
/// <param name="Pid">The process id in <c>tag[pid]</c>, or null.</param>
/// <param name="Message">The text HAProxy wrote after <c>tag[pid]: </c>.</param>
public sealed record SyslogRecord(
    int LineNumber,
    SyslogForm Form,
    int? Priority,
    DateTime? Timestamp,
    bool HasYear,
    string? Tag,
    string? Pid,
    string Message);
