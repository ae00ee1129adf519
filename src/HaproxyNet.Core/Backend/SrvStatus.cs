namespace HaproxyNet.Core.Backend;

/// <summary>Result of server assignment (1.4's SRV_STATUS_*).</summary>
public enum SrvStatus
{
    /// <summary>A server (or dispatch) was assigned and a slot reserved.</summary>
    Ok,

    /// <summary>No usable server.</summary>
    NoSrv,

    /// <summary>All servers saturated (assign_server) or the server's maxqueue is reached (assign_server_and_queue).</summary>
    Full,

    /// <summary>Internal error.</summary>
    Internal,

    /// <summary>The session was queued.</summary>
    Queued,
}
