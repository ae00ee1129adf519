using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.Backend;

/// <summary>
/// The engine's calls into the load balancer (1.4's <c>lbprm</c> callbacks) in one place, so the algorithms
/// (helper/lb's <c>ILoadBalancer</c>) plug in without touching session code.
/// </summary>
/// <remarks>
/// Interim: until the LB API is merged, picks use <see cref="InterimRoundRobin"/> and take/drop are no-ops
/// (they only matter to leastconn).
/// </remarks>
public static class LbHooks
{
    /// <summary>lbprm.server_take_conn.</summary>
    public static void ServerTakeConn(Server srv)
    {
        _ = srv;
    }

    /// <summary>lbprm.server_drop_conn.</summary>
    public static void ServerDropConn(Server srv)
    {
        _ = srv;
    }

    /// <summary>True when the backend has a usable server (lbprm.tot_weight != 0).</summary>
    public static bool HasWeight(Proxy be) => InterimRoundRobin.TotWeight(be) != 0;

    /// <summary>The algorithm's "get next server", avoiding <paramref name="avoid"/> when possible; null when all are saturated.</summary>
    public static Server? GetNextServer(Proxy be, Server? avoid, long nowSeconds) =>
        InterimRoundRobin.GetNextServer(be, avoid, nowSeconds);
}
