namespace HaproxyNet.Core.LoadBalancing;

/// <summary>How hash-based algorithms map a hash to a server (<c>hash-type</c>).</summary>
/// <remarks>HAProxy 1.4 <c>BE_LB_HASH_MAP</c> / <c>BE_LB_HASH_CONS</c>.</remarks>
public enum HashType
{
    /// <summary><c>map-based</c> (default): <c>map[hash % tot_weight]</c> (lb_map.c).</summary>
    MapBased = 0,

    /// <summary><c>consistent</c>: nearest node on the server ring (lb_chash.c).</summary>
    Consistent,
}
