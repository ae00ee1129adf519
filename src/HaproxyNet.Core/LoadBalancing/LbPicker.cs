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
    /// <remarks>
    /// Source, uri, hdr and rdp-cookie hash to 0 when only one server is in use (<c>tot_used == 1</c>); hdr and
    /// rdp-cookie still need their input to be present. url_param searches the URI, then, for a POST, the body.
    /// A source hash without an IPv4/IPv6 address (unreachable in 1.4, which only accepts inet sockets) falls back
    /// to round robin.
    /// </remarks>
    /// <param name="lb">The backend's load balancer.</param>
    /// <param name="request">The session's hash inputs.</param>
    /// <param name="avoid">The session's <c>prev_srv</c>, or null.</param>
    /// <param name="nowSeconds">Now in whole seconds.</param>
    public static Server? PickServer(ILoadBalancer lb, in LbRequest request, Server? avoid, long nowSeconds)
    {
        var settings = lb.Settings;
        if (!settings.IsHash || !lb.SupportsHash)
        {
            return lb.GetNextServer(avoid, nowSeconds);
        }

        var names = lb is LoadBalancerBase b ? b.HashNames : new LbHashNames(settings);
        var oneServer = lb.TotUsed == 1;
        bool found;
        uint hash;
        switch (settings.Algorithm)
        {
            case LbAlgorithm.Source:
                found = request.ClientAddress.Length is 4 or 16;
                hash = found && !oneServer ? LbHash.HashSource(request.ClientAddress) : 0;
                break;
            case LbAlgorithm.Uri:
                found = true;
                hash = oneServer ? 0 : LbHash.HashUri(request.Uri, settings.UriLenLimit, settings.UriDepth, settings.UriWhole);
                break;
            case LbAlgorithm.UrlParam:
                found = LbHash.TryHashUrlParam(request.Uri, names.UrlParam, out hash)
                    || (request.IsPost && LbHash.TryHashUrlParamBody(request.Body, names.UrlParam, out hash));
                break;
            case LbAlgorithm.Header:
                found = LbHash.TryHashHeader(request.Headers, names.Header, settings.HeaderUseDomainOnly, out hash);
                hash = oneServer ? 0 : hash;
                break;
            case LbAlgorithm.RdpCookie:
                found = LbHash.TryHashRdpCookie(request.Payload, names.RdpCookie, out hash);
                hash = oneServer ? 0 : hash;
                break;
            default:
                found = false;
                hash = 0;
                break;
        }

        // Missing input: round robin on the map, or along the ring.
        return found ? lb.GetServerByHash(hash) : lb.GetNextServer(avoid, nowSeconds);
    }
}
