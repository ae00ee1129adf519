namespace HaproxyNet.Core.Logging;

/// <summary>Sends one formatted log message to one target (1.4's <c>send_log</c> after logger selection).</summary>
/// <remarks>
/// The engine picks the proxy's targets and applies max/min levels; the sink adds the syslog header
/// <c>&lt;PRI&gt;Mmm dd HH:MM:SS tag[pid]: </c>, applies the 1024-byte limit and sends the datagram.
/// </remarks>
public interface ILogSink
{
    /// <param name="target">The logger slot.</param>
    /// <param name="level">Level already adjusted for the target's min level.</param>
    /// <param name="message">The message text, ending with '\n'.</param>
    void Send(LogTarget target, int level, ReadOnlySpan<char> message);
}
