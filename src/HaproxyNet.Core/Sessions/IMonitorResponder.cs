namespace HaproxyNet.Core.Sessions;

/// <summary>
/// Answers a session from <c>monitor-net</c> on a non-TCP frontend, right after it was created (the HTTP layer
/// implements it: 1.4 sends <c>HTTP/1.0 200 OK\r\n\r\n</c> with <c>stream_int_retnclose</c> and clears the
/// request analysers).
/// </summary>
/// <remarks>
/// HAProxy 1.4 <c>event_accept</c> (src/client.c), the <c>SN_MONITOR</c> branch. TCP monitor connections never get
/// a session (closed at accept); without a responder an HTTP-mode monitor session runs flagged
/// <see cref="SessionFlags.Monitor"/> and is never logged.
/// </remarks>
public interface IMonitorResponder
{
    /// <summary>Replies and starts closing <paramref name="session"/> (its client interface is EST, nothing read yet).</summary>
    void Respond(Session session);
}
