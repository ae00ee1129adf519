using HaproxyNet.Core.LoadBalancing;

namespace HaproxyNet.Core.Proxies;

/// <summary>Per-backend load-balancing state (1.4's <c>proxy-&gt;lbprm</c>).</summary>
/// <remarks>Owned by the load balancers (src/HaproxyNet.Core/LoadBalancing).</remarks>
public sealed partial class Proxy
{
    /// <summary>
    /// The backend's load balancer, or null when it has none (dispatch, transparent, http_proxy).
    /// Set by <see cref="LoadBalancerFactory.Create"/>.
    /// </summary>
    public ILoadBalancer? Lb { get; internal set; }
}
