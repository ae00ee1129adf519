namespace HaproxyNet.Core.Diagnostics;

/// <summary>
/// The per-session decision trace HAProxy never had: accept, server assignment, dynamic maxconn with its inputs,
/// queueing, dequeue/expiry, connect attempts, retries, redispatch, close. Off by default.
/// </summary>
/// <remarks>Core formats a message only when <see cref="IsEnabled"/> is true; HaproxyNet.Logging routes it to NLog.</remarks>
public interface ISessionTrace
{
    bool IsEnabled { get; }

    /// <param name="sessionId">The session's unique id (1.4's <c>uniq_id</c>).</param>
    /// <param name="message">One decision, e.g. <c>srv_dynamic_maxconn(beconn=8, fullconn=100, minconn=1, maxconn=10, warmup=none) -> 1</c>.</param>
    void Trace(long sessionId, string message);
}
