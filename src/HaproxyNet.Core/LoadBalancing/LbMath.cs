using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.LoadBalancing;

/// <summary>Small shared helpers of the load balancers.</summary>
internal static class LbMath
{
    /// <summary>Weight scale of dynamic algorithms (<c>BE_WEIGHT_SCALE</c>).</summary>
    public const int WeightScale = 16;

    /// <summary>HAProxy 1.4 <c>srv_is_usable</c>; maintenance is also excluded (1.4 clears RUNNING for it).</summary>
    public static bool IsUsable(ServerState state, int eweight)
        => eweight > 0
            && (state & (ServerState.Running | ServerState.GoingDown | ServerState.Maintain)) == ServerState.Running;
}
