namespace HaproxyNet.Core.LoadBalancing;

/// <summary>
/// The load-balancing settings of one backend, as resolved after parsing (the <c>balance</c>, <c>hash-type</c>
/// and <c>option allbackups</c> lines, defaults applied).
/// </summary>
/// <remarks>
/// HAProxy 1.4 keeps these in <c>struct proxy</c> (<c>lbprm.algo</c>, <c>uri_len_limit</c>, <c>uri_dirs_depth1</c>,
/// <c>url_param_name</c>, <c>url_param_post_limit</c>, <c>hh_name</c>, <c>hh_match_domain</c>,
/// <c>rdp_cookie_name</c>, <c>PR_O_USE_ALL_BK</c>). The config layer must already have applied the
/// <c>check_config_validity</c> rewrites: an L7 hash (uri, url_param, hdr) in a TCP backend becomes
/// <see cref="LbAlgorithm.RoundRobin"/>, and a backend without <c>balance</c> but with dispatch / transparent /
/// http_proxy is <see cref="LbAlgorithm.None"/>.
/// </remarks>
public sealed record LbSettings
{
    /// <summary>The default RDP cookie name of <c>balance rdp-cookie</c>.</summary>
    public const string DefaultRdpCookieName = "mstshash";

    /// <summary>The <c>check_post</c> limit when the keyword has no value.</summary>
    public const int DefaultCheckPostLimit = 48;

    /// <summary>Roundrobin, the 1.4 default.</summary>
    public static LbSettings Default { get; } = new();

    public LbAlgorithm Algorithm { get; init; } = LbAlgorithm.RoundRobin;

    /// <summary><c>hash-type</c>; only meaningful for the hash algorithms.</summary>
    public HashType HashType { get; init; } = HashType.MapBased;

    /// <summary><c>balance uri len &lt;n&gt;</c>: bytes of the URI hashed, 0 = no limit.</summary>
    public int UriLenLimit { get; init; }

    /// <summary><c>balance uri depth &lt;n&gt;</c>: directory levels hashed, 0 = no limit.</summary>
    public int UriDepth { get; init; }

    /// <summary><c>balance uri whole</c>: hash the query string too.</summary>
    public bool UriWhole { get; init; }

    /// <summary><c>balance url_param &lt;name&gt;</c> parameter name (case-sensitive).</summary>
    public string? UrlParamName { get; init; }

    /// <summary>
    /// <c>check_post [max]</c> limit in bytes: 0 = check_post not set; otherwise 48 when written without a value,
    /// and never below 3 (the config layer applies both rules).
    /// </summary>
    public int UrlParamPostLimit { get; init; }

    /// <summary><c>balance hdr(&lt;name&gt;)</c> header name (case-insensitive).</summary>
    public string? HeaderName { get; init; }

    /// <summary><c>balance hdr(...) use_domain_only</c>.</summary>
    public bool HeaderUseDomainOnly { get; init; }

    /// <summary><c>balance rdp-cookie(&lt;name&gt;)</c> cookie name (default <c>mstshash</c>).</summary>
    public string RdpCookieName { get; init; } = DefaultRdpCookieName;

    /// <summary><c>option allbackups</c>: use every usable backup, not only the first one.</summary>
    public bool AllBackups { get; init; }

    /// <summary>True for the hash algorithms (source, uri, url_param, hdr, rdp-cookie).</summary>
    public bool IsHash => Algorithm is LbAlgorithm.Source or LbAlgorithm.Uri or LbAlgorithm.UrlParam
        or LbAlgorithm.Header or LbAlgorithm.RdpCookie;

    /// <summary>The lookup structure the algorithm uses (1.4's <c>BE_LB_LKUP_*</c>).</summary>
    public LbLookup Lookup => Algorithm switch
    {
        LbAlgorithm.None => LbLookup.None,
        LbAlgorithm.RoundRobin => LbLookup.RoundRobinTree,
        LbAlgorithm.LeastConn => LbLookup.LeastConnTree,
        LbAlgorithm.StaticRoundRobin => LbLookup.Map,
        _ => HashType == HashType.Consistent ? LbLookup.ConsistentHashTree : LbLookup.Map,
    };

    /// <summary>
    /// True when weights can change at run time (1.4's <c>BE_LB_PROP_DYN</c>: roundrobin, leastconn, consistent
    /// hashing): <c>wdiv = 16</c> and slowstart reduces the effective weight.
    /// </summary>
    public bool IsDynamic => Lookup is LbLookup.RoundRobinTree or LbLookup.LeastConnTree or LbLookup.ConsistentHashTree;
}
