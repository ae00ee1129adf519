using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.LoadBalancing;

/// <summary>The algorithm switch of <c>assign_server</c>: which lookup to call for a session.</summary>
/// <remarks>HAProxy 1.4 <c>assign_server</c> (backend.c), the part between the tot_weight check and SN_ASSIGNED.</remarks>
public static class LbPicker
{
    /// <summary>
    /// Picks a server for a session by the backend's algorithm: hash algorithms hash their input and look it up
    /// (no saturation check), falling back to round robin when the input is missing; round robin and leastconn
    /// call <see cref="ILoadBalancer.GetNextServer"/>. Returns null when nothing can be picked (FULL).
    /// The caller has already answered NOSRV when <see cref="ILoadBalancer.TotWeight"/> is 0.
    /// </summary>
    /// <param name="lb">The backend's load balancer.</param>
    /// <param name="request">The session's hash inputs.</param>
    /// <param name="avoid">The session's <c>prev_srv</c>, or null.</param>
    /// <param name="nowSeconds">Now in whole seconds.</param>
    public static Server? PickServer(ILoadBalancer lb, in LbRequest request, Server? avoid, long nowSeconds)
        => throw new NotImplementedException("lands with the hash functions");
}
