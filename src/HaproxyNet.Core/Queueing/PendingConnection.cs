using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Queueing;

/// <summary>A session waiting in a server or backend queue (1.4's <c>struct pendconn</c>).</summary>
/// <remarks>Intrusive links so that removal from the middle (timeout, abort) is O(1) and allocation-free.</remarks>
public sealed class PendingConnection
{
    internal PendingConnection(Session session, Server? server)
    {
        Session = session;
        Server = server;
    }

    public Session Session { get; }

    /// <summary>The server whose queue holds it, or null for the backend queue.</summary>
    public Server? Server { get; }

    /// <summary>When it entered the queue (engine microseconds), for the age of the oldest waiter.</summary>
    public long QueuedAtUs { get; internal set; }

    internal PendingConnection? Prev { get; set; }

    internal PendingConnection? Next { get; set; }

    internal PendingQueue? Owner { get; set; }
}
