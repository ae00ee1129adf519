using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.LoadBalancing;

/// <summary>
/// One backend's load balancer: the server-state callbacks and lookups of 1.4's <c>struct lbprm</c>.
/// </summary>
/// <remarks>
/// HAProxy 1.4 <c>struct lbprm</c> (include/types/backend.h) and its per-algorithm implementations in lb_fwrr.c,
/// lb_fwlc.c, lb_map.c and lb_chash.c. Create one with <see cref="LoadBalancerFactory.Create"/>.
/// <para>
/// State-change protocol (as in 1.4): the caller first changes <see cref="Server.State"/> and/or
/// <see cref="Server.EWeight"/>, then calls <see cref="SetServerStatusUp"/>, <see cref="SetServerStatusDown"/> or
/// <see cref="UpdateServerWeight"/>. The balancer compares the server with its last committed state
/// (<see cref="Server.PrevState"/>, <see cref="Server.PrevEWeight"/>), updates its structures and the group counters,
/// then commits (<c>srv_lb_commit_status</c>). Calling a callback with nothing changed is a no-op.
/// <see cref="Slowstart.ServerRecalcEweight"/> does all of this for weight changes.
/// </para>
/// <para>Time is passed in (whole seconds, 1.4's <c>now.tv_sec</c>) for the saturation checks; it is never read.</para>
/// </remarks>
public interface ILoadBalancer
{
    /// <summary>The backend balanced.</summary>
    Proxy Backend { get; }

    /// <summary>The backend's settings.</summary>
    LbSettings Settings { get; }

    /// <summary>Weight divisor: 16 for dynamic algorithms, 1 for map ones (<c>lbprm.wdiv</c>).</summary>
    int WDiv { get; }

    /// <summary>Weight multiplier: 1 for dynamic algorithms, the gcd of the weights for map ones (<c>lbprm.wmult</c>).</summary>
    int WMult { get; }

    /// <summary>Total effective weight of the servers in use; 0 means NOSRV (<c>lbprm.tot_weight</c>).</summary>
    int TotWeight { get; }

    /// <summary>Number of servers in use (<c>lbprm.tot_used</c>); 1 zeroes the source/uri/hdr/rdp-cookie hash.</summary>
    int TotUsed { get; }

    /// <summary>Usable active servers (<c>srv_act</c>).</summary>
    int SrvAct { get; }

    /// <summary>Usable backup servers (<c>srv_bck</c>).</summary>
    int SrvBck { get; }

    /// <summary>Sum of the usable active servers' eweights (<c>lbprm.tot_wact</c>).</summary>
    int TotWAct { get; }

    /// <summary>Sum of the usable backup servers' eweights (<c>lbprm.tot_wbck</c>).</summary>
    int TotWBck { get; }

    /// <summary>First usable backup in declaration order, unless allbackups (<c>lbprm.fbck</c>).</summary>
    Server? FirstBackup { get; }

    /// <summary>True when <see cref="GetServerByHash"/> is available (map or consistent-hash lookup).</summary>
    bool SupportsHash { get; }

    /// <summary>The server has just become usable (or changed while usable). Mirrors <c>set_server_status_up</c>.</summary>
    void SetServerStatusUp(Server server);

    /// <summary>The server has just become unusable. Mirrors <c>set_server_status_down</c>.</summary>
    void SetServerStatusDown(Server server);

    /// <summary>The server's <see cref="Server.EWeight"/> changed. Mirrors <c>update_server_eweight</c>.</summary>
    void UpdateServerWeight(Server server);

    /// <summary>
    /// The server's <see cref="Server.Served"/> was just incremented, or a connection to it was just started
    /// (<c>connect_server</c>). Mirrors <c>server_take_conn</c> (leastconn repositions; others ignore it).
    /// </summary>
    void ServerTakeConn(Server server);

    /// <summary>The server's <see cref="Server.Served"/> was just decremented. Mirrors <c>server_drop_conn</c>.</summary>
    void ServerDropConn(Server server);

    /// <summary>
    /// Picks the next server by round robin or least connections, skipping saturated servers and
    /// <paramref name="avoid"/> (used only if nothing else qualifies). Returns null when every candidate is
    /// saturated (FULL) or none is usable.
    /// </summary>
    /// <remarks>
    /// <c>fwrr_get_next_server</c>, <c>fwlc_get_next_server</c>, <c>map_get_server_rr</c> (also the round-robin
    /// fallback of map hashing) or <c>chash_get_next_server</c> (fallback of consistent hashing).
    /// </remarks>
    /// <param name="avoid">The server to avoid (the session's <c>prev_srv</c>), or null.</param>
    /// <param name="nowSeconds">Now in whole seconds, for <c>srv_dynamic_maxconn</c>.</param>
    Server? GetNextServer(Server? avoid, long nowSeconds);

    /// <summary>
    /// Maps a 32-bit hash to a server, ignoring saturation. Returns null only when no server is usable.
    /// </summary>
    /// <remarks><c>map_get_server_hash</c> or <c>chash_get_server_hash</c>.</remarks>
    /// <exception cref="NotSupportedException">The algorithm has no hash lookup (<see cref="SupportsHash"/> false).</exception>
    Server? GetServerByHash(uint hash);
}
