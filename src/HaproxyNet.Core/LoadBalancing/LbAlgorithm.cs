namespace HaproxyNet.Core.LoadBalancing;

/// <summary>The <c>balance</c> algorithm of a backend.</summary>
/// <remarks>HAProxy 1.4 <c>BE_LB_ALGO_*</c> (include/types/backend.h), chosen by <c>backend_parse_balance</c>.</remarks>
public enum LbAlgorithm
{
    /// <summary>No load balancing: dispatch, transparent or http_proxy backends.</summary>
    None = 0,

    /// <summary><c>roundrobin</c> (also the default): weighted round robin on FWRR trees.</summary>
    RoundRobin,

    /// <summary><c>static-rr</c>: weighted round robin on the static map.</summary>
    StaticRoundRobin,

    /// <summary><c>leastconn</c>: FWLC tree.</summary>
    LeastConn,

    /// <summary><c>source</c>: hash of the client address.</summary>
    Source,

    /// <summary><c>uri [len n] [depth n] [whole]</c>: hash of the request URI.</summary>
    Uri,

    /// <summary><c>url_param name [check_post [max]]</c>: hash of a URL (or POST body) parameter.</summary>
    UrlParam,

    /// <summary><c>hdr(name) [use_domain_only]</c>: hash of a request header.</summary>
    Header,

    /// <summary><c>rdp-cookie[(name)]</c>: hash of an RDP cookie in the request payload.</summary>
    RdpCookie,
}
