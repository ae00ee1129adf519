namespace HaproxyNet.Config.Acl;

/// <summary>
/// What the optional <c>(arg)</c> glued to a criterion means. 1.4 accepts parentheses after ANY criterion
/// (<c>parse_acl_expr</c> stores the text without checking it); this only records how the engine or the
/// post-parse checks use it.
/// </summary>
public enum AclArgumentUse
{
    /// <summary>Ignored by the fetch (e.g. <c>src(x)</c> is accepted and means <c>src</c>).</summary>
    Ignored,

    /// <summary>Optional header name (hdr*, shdr*); none means every header.</summary>
    HeaderName,

    /// <summary>Optional frontend name (fe_conn, fe_sess_rate); unknown name makes the fetch fail at run time.</summary>
    FrontendName,

    /// <summary>Optional backend name (nbsrv, be_conn, queue...); unknown name makes the fetch fail at run time.</summary>
    BackendName,

    /// <summary>Required <c>server</c> or <c>backend/server</c>, resolved after parsing (<c>acl_find_targets</c>).</summary>
    ServerName,

    /// <summary>Required userlist name, resolved after parsing (<c>acl_find_targets</c>).</summary>
    UserlistName,

    /// <summary>Optional RDP cookie name (case-insensitive); none means any name.</summary>
    RdpCookieName,
}
