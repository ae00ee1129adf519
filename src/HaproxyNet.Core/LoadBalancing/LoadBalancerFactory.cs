using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.LoadBalancing;

/// <summary>Builds a backend's load balancer from its settings, once its server list is complete.</summary>
/// <remarks>
/// The <c>lbprm</c> initialisation of 1.4's <c>check_config_validity</c>: <c>fwrr_init_server_groups</c>,
/// <c>fwlc_init_server_tree</c>, <c>init_server_map</c> or <c>chash_init_server_tree</c>.
/// </remarks>
public static class LoadBalancerFactory
{
    /// <summary>
    /// Creates the load balancer of <paramref name="backend"/>, stores it in <see cref="Proxy.Lb"/> and returns it;
    /// returns null (and clears <see cref="Proxy.Lb"/>) for <see cref="LbAlgorithm.None"/>.
    /// </summary>
    /// <remarks>
    /// Sets every server's <see cref="Server.EWeight"/> from its <see cref="Server.UWeight"/> (wdiv/wmult), commits
    /// the servers' current state as the LB's starting point (no server is warming up at start), counts the groups
    /// and builds the trees/map/ring from the usable servers in declaration order. Consistent hashing places each
    /// server's points from its <see cref="Server.Puid"/>, so puids must be final.
    /// </remarks>
    public static ILoadBalancer? Create(Proxy backend, LbSettings settings)
    {
        ILoadBalancer? lb = settings.Lookup switch
        {
            LbLookup.RoundRobinTree => new WeightedRoundRobin(backend, settings),
            LbLookup.LeastConnTree => new LeastConnections(backend, settings),
            LbLookup.Map => new ServerMap(backend, settings),
            LbLookup.ConsistentHashTree => new ConsistentHash(backend, settings),
            _ => null,
        };
        backend.Lb = lb;
        return lb;
    }
}
