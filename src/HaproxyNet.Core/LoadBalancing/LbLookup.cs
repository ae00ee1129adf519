namespace HaproxyNet.Core.LoadBalancing;

/// <summary>The server lookup structure behind an algorithm.</summary>
/// <remarks>HAProxy 1.4 <c>BE_LB_LKUP_*</c> (include/types/backend.h).</remarks>
public enum LbLookup
{
    /// <summary>No load balancing.</summary>
    None = 0,

    /// <summary>FWRR trees (lb_fwrr.c): roundrobin.</summary>
    RoundRobinTree,

    /// <summary>FWLC tree (lb_fwlc.c): leastconn.</summary>
    LeastConnTree,

    /// <summary>Static map (lb_map.c): static-rr and map-based hashing.</summary>
    Map,

    /// <summary>Consistent-hash ring (lb_chash.c).</summary>
    ConsistentHashTree,
}
