using System.Diagnostics.CodeAnalysis;

namespace HaproxyNet.Config.Acl;

/// <summary>
/// Every ACL criterion keyword registered by 1.4.25 (acl.c, client.c, backend.c, proto_tcp.c, proto_http.c), with
/// the value parser, matcher and <c>ACL_USE_*</c> bits of each.
/// </summary>
/// <remarks>Lookup mirrors <c>find_acl_kw</c>: only the part before a <c>(</c> is compared, case-sensitively.</remarks>
public static class AclCriteria
{
    private const AclUse L7Req = AclUse.L7RequestVolatile;
    private const AclUse L7Rtr = AclUse.L7ResponseVolatile;
    private const AclUse Lookup = AclUse.MayLookup;

    private static readonly AclCriterion[] Table =
    [
        // acl.c
        new("always_true", AclValueType.None, AclMatchKind.Nothing, AclUse.Nothing, AclArgumentUse.Ignored),
        new("always_false", AclValueType.None, AclMatchKind.Nothing, AclUse.Nothing, AclArgumentUse.Ignored),
        new("wait_end", AclValueType.None, AclMatchKind.Nothing, AclUse.Nothing, AclArgumentUse.Ignored),

        // client.c
        new("src_port", AclValueType.Integer, AclMatchKind.Integer, AclUse.TcpPermanent, AclArgumentUse.Ignored),
        new("src", AclValueType.Ip, AclMatchKind.Ip, AclUse.Tcp4Permanent | Lookup, AclArgumentUse.Ignored),
        new("dst", AclValueType.Ip, AclMatchKind.Ip, AclUse.Tcp4Permanent | Lookup, AclArgumentUse.Ignored),
        new("dst_port", AclValueType.Integer, AclMatchKind.Integer, AclUse.TcpPermanent, AclArgumentUse.Ignored),
        new("dst_conn", AclValueType.Integer, AclMatchKind.Integer, AclUse.Nothing, AclArgumentUse.Ignored),
        new("fe_id", AclValueType.Integer, AclMatchKind.Integer, AclUse.Nothing, AclArgumentUse.Ignored),
        new("so_id", AclValueType.Integer, AclMatchKind.Integer, AclUse.Nothing, AclArgumentUse.Ignored),

        // backend.c
        new("nbsrv", AclValueType.Integer, AclMatchKind.Integer, AclUse.Nothing, AclArgumentUse.BackendName),
        new("connslots", AclValueType.Integer, AclMatchKind.Integer, AclUse.Nothing, AclArgumentUse.BackendName),
        new("fe_sess_rate", AclValueType.Integer, AclMatchKind.Integer, AclUse.Nothing, AclArgumentUse.FrontendName),
        new("be_sess_rate", AclValueType.Integer, AclMatchKind.Integer, AclUse.Nothing, AclArgumentUse.BackendName),
        new("fe_conn", AclValueType.Integer, AclMatchKind.Integer, AclUse.Nothing, AclArgumentUse.FrontendName),
        new("be_conn", AclValueType.Integer, AclMatchKind.Integer, AclUse.Nothing, AclArgumentUse.BackendName),
        new("queue", AclValueType.Integer, AclMatchKind.Integer, AclUse.Nothing, AclArgumentUse.BackendName),
        new("avg_queue", AclValueType.Integer, AclMatchKind.Integer, AclUse.Nothing, AclArgumentUse.BackendName),
        new("srv_is_up", AclValueType.None, AclMatchKind.Nothing, AclUse.Nothing, AclArgumentUse.ServerName),
        new("be_id", AclValueType.Integer, AclMatchKind.Integer, AclUse.Nothing, AclArgumentUse.Ignored),
        new("srv_id", AclValueType.Integer, AclMatchKind.Integer, AclUse.Nothing, AclArgumentUse.Ignored),

        // proto_tcp.c
        new("req_len", AclValueType.Integer, AclMatchKind.Integer, AclUse.L4RequestVolatile, AclArgumentUse.Ignored),
        new("req_ssl_ver", AclValueType.DottedVersion, AclMatchKind.Integer, AclUse.L4RequestVolatile, AclArgumentUse.Ignored),
        new("req_rdp_cookie", AclValueType.String, AclMatchKind.String, AclUse.L4RequestVolatile | Lookup, AclArgumentUse.RdpCookieName),
        new("req_rdp_cookie_cnt", AclValueType.Integer, AclMatchKind.Integer, AclUse.L4RequestVolatile, AclArgumentUse.RdpCookieName),

        // proto_http.c
        new("req_proto_http", AclValueType.None, AclMatchKind.Nothing, AclUse.L7RequestPermanent, AclArgumentUse.Ignored),
        new("method", AclValueType.Method, AclMatchKind.Method, AclUse.L7RequestPermanent, AclArgumentUse.Ignored),
        new("req_ver", AclValueType.String, AclMatchKind.String, L7Req | Lookup, AclArgumentUse.Ignored),
        new("resp_ver", AclValueType.String, AclMatchKind.String, L7Rtr | Lookup, AclArgumentUse.Ignored),
        new("status", AclValueType.Integer, AclMatchKind.Integer, AclUse.L7ResponsePermanent, AclArgumentUse.Ignored),

        new("url", AclValueType.String, AclMatchKind.String, L7Req | Lookup, AclArgumentUse.Ignored),
        new("url_beg", AclValueType.String, AclMatchKind.Begin, L7Req, AclArgumentUse.Ignored),
        new("url_end", AclValueType.String, AclMatchKind.End, L7Req, AclArgumentUse.Ignored),
        new("url_sub", AclValueType.String, AclMatchKind.Substring, L7Req, AclArgumentUse.Ignored),
        new("url_dir", AclValueType.String, AclMatchKind.Directory, L7Req, AclArgumentUse.Ignored),
        new("url_dom", AclValueType.String, AclMatchKind.Domain, L7Req, AclArgumentUse.Ignored),
        new("url_reg", AclValueType.Regex, AclMatchKind.Regex, L7Req, AclArgumentUse.Ignored),
        new("url_len", AclValueType.Integer, AclMatchKind.Length, L7Req, AclArgumentUse.Ignored),
        new("url_ip", AclValueType.Ip, AclMatchKind.Ip, L7Req | Lookup, AclArgumentUse.Ignored),
        new("url_port", AclValueType.Integer, AclMatchKind.Integer, L7Req, AclArgumentUse.Ignored),

        new("hdr", AclValueType.String, AclMatchKind.String, L7Req | Lookup, AclArgumentUse.HeaderName),
        new("hdr_reg", AclValueType.Regex, AclMatchKind.Regex, L7Req, AclArgumentUse.HeaderName),
        new("hdr_beg", AclValueType.String, AclMatchKind.Begin, L7Req, AclArgumentUse.HeaderName),
        new("hdr_end", AclValueType.String, AclMatchKind.End, L7Req, AclArgumentUse.HeaderName),
        new("hdr_sub", AclValueType.String, AclMatchKind.Substring, L7Req, AclArgumentUse.HeaderName),
        new("hdr_dir", AclValueType.String, AclMatchKind.Directory, L7Req, AclArgumentUse.HeaderName),
        new("hdr_dom", AclValueType.String, AclMatchKind.Domain, L7Req, AclArgumentUse.HeaderName),
        new("hdr_cnt", AclValueType.Integer, AclMatchKind.Integer, L7Req, AclArgumentUse.HeaderName),
        new("hdr_len", AclValueType.Integer, AclMatchKind.Length, L7Req, AclArgumentUse.HeaderName),
        new("hdr_val", AclValueType.Integer, AclMatchKind.Integer, L7Req, AclArgumentUse.HeaderName),
        new("hdr_ip", AclValueType.Ip, AclMatchKind.Ip, L7Req | Lookup, AclArgumentUse.HeaderName),

        new("shdr", AclValueType.String, AclMatchKind.String, L7Rtr | Lookup, AclArgumentUse.HeaderName),
        new("shdr_reg", AclValueType.Regex, AclMatchKind.Regex, L7Rtr, AclArgumentUse.HeaderName),
        new("shdr_beg", AclValueType.String, AclMatchKind.Begin, L7Rtr, AclArgumentUse.HeaderName),
        new("shdr_end", AclValueType.String, AclMatchKind.End, L7Rtr, AclArgumentUse.HeaderName),
        new("shdr_sub", AclValueType.String, AclMatchKind.Substring, L7Rtr, AclArgumentUse.HeaderName),
        new("shdr_dir", AclValueType.String, AclMatchKind.Directory, L7Rtr, AclArgumentUse.HeaderName),
        new("shdr_dom", AclValueType.String, AclMatchKind.Domain, L7Rtr, AclArgumentUse.HeaderName),
        new("shdr_cnt", AclValueType.Integer, AclMatchKind.Integer, L7Rtr, AclArgumentUse.HeaderName),
        new("shdr_len", AclValueType.Integer, AclMatchKind.Length, L7Rtr, AclArgumentUse.HeaderName),
        new("shdr_val", AclValueType.Integer, AclMatchKind.Integer, L7Rtr, AclArgumentUse.HeaderName),
        new("shdr_ip", AclValueType.Ip, AclMatchKind.Ip, L7Rtr | Lookup, AclArgumentUse.HeaderName),

        new("path", AclValueType.String, AclMatchKind.String, L7Req | Lookup, AclArgumentUse.Ignored),
        new("path_reg", AclValueType.Regex, AclMatchKind.Regex, L7Req, AclArgumentUse.Ignored),
        new("path_beg", AclValueType.String, AclMatchKind.Begin, L7Req, AclArgumentUse.Ignored),
        new("path_end", AclValueType.String, AclMatchKind.End, L7Req, AclArgumentUse.Ignored),
        new("path_sub", AclValueType.String, AclMatchKind.Substring, L7Req, AclArgumentUse.Ignored),
        new("path_dir", AclValueType.String, AclMatchKind.Directory, L7Req, AclArgumentUse.Ignored),
        new("path_dom", AclValueType.String, AclMatchKind.Domain, L7Req, AclArgumentUse.Ignored),
        new("path_len", AclValueType.Integer, AclMatchKind.Length, L7Req, AclArgumentUse.Ignored),

        new("http_auth", AclValueType.None, AclMatchKind.Auth, AclUse.L7RequestPermanent, AclArgumentUse.UserlistName),
        new("http_auth_group", AclValueType.StringConcat, AclMatchKind.Auth, AclUse.L7RequestPermanent, AclArgumentUse.UserlistName),
        new("http_first_req", AclValueType.None, AclMatchKind.Nothing, AclUse.L7RequestPermanent, AclArgumentUse.Ignored),
    ];

    /// <summary>All registered criteria, in registration order.</summary>
    public static IReadOnlyList<AclCriterion> All => Table;

    /// <summary>
    /// Finds the criterion named by <paramref name="word"/> up to its first <c>(</c> (<c>hdr(host)</c> finds
    /// <c>hdr</c>). Case-sensitive; <c>Hdr</c> or <c>hdr_x</c> are unknown.
    /// </summary>
    /// <remarks>Mirrors <c>find_acl_kw</c>.</remarks>
    public static bool TryFind(string word, [NotNullWhen(true)] out AclCriterion? criterion)
    {
        var paren = word.IndexOf('(', StringComparison.Ordinal);
        var name = paren < 0 ? word.AsSpan() : word.AsSpan(0, paren);
        foreach (var candidate in Table)
        {
            if (name.SequenceEqual(candidate.Name))
            {
                criterion = candidate;
                return true;
            }
        }

        criterion = null;
        return false;
    }
}
