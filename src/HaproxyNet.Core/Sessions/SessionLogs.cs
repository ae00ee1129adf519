namespace HaproxyNet.Core.Sessions;

/// <summary>What the session log reports (1.4's <c>s-&gt;logs</c>): dates, timers in ms (-1 = never), bytes, queues.</summary>
public sealed class SessionLogs
{
    /// <summary>Wall-clock accept date, microseconds since the epoch (accept_date).</summary>
    public long AcceptDateUs { get; set; }

    /// <summary>Monotonic accept time, microseconds since the epoch (tv_accept); the tcplog date uses it.</summary>
    public long TvAcceptUs { get; set; }

    /// <summary>Time the HTTP request was fully processed (tv_request); 0 in TCP mode, so server queues win.</summary>
    public long TvRequestUs { get; set; }

    public LogWait LogWait { get; set; }

    public long TQueue { get; set; } = -1;

    public long TConnect { get; set; } = -1;

    public long TData { get; set; } = -1;

    public long TClose { get; set; }

    /// <summary>Bytes received from the client (req total).</summary>
    public long BytesIn { get; set; }

    /// <summary>Bytes sent to the client (rep total): the logged bytes_read.</summary>
    public long BytesOut { get; set; }

    /// <summary>Sum of server queue lengths at each enqueue (srv_queue_size).</summary>
    public int SrvQueueSize { get; set; }

    /// <summary>Sum of backend queue lengths at each enqueue (prx_queue_size).</summary>
    public int PrxQueueSize { get; set; }
}
