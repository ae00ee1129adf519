using HaproxyNet.Config.Acl;

namespace HaproxyNet.Core.Checks;

/// <summary>The check protocol of a backend (the last of <c>option httpchk|ssl-hello-chk|smtpchk|mysql-check|ldap-check</c>).</summary>
public enum CheckKind
{
    /// <summary>Plain TCP connect.</summary>
    Tcp,

    /// <summary><c>option httpchk</c>.</summary>
    Http,

    /// <summary><c>option ssl-hello-chk</c>.</summary>
    SslHello,

    /// <summary><c>option smtpchk</c>.</summary>
    Smtp,

    /// <summary><c>option mysql-check</c>.</summary>
    Mysql,

    /// <summary><c>option ldap-check</c>.</summary>
    Ldap,
}

/// <summary>What <c>http-check expect</c> matches (PR_O2_EXP_*).</summary>
public enum ExpectKind
{
    /// <summary>No expect rule.</summary>
    None,

    /// <summary><c>status &lt;string&gt;</c>.</summary>
    Status,

    /// <summary><c>rstatus &lt;regex&gt;</c>.</summary>
    RStatus,

    /// <summary><c>string &lt;string&gt;</c>.</summary>
    String,

    /// <summary><c>rstring &lt;regex&gt;</c>.</summary>
    RString,
}

/// <summary>One backend's check protocol, request and HTTP options; immutable once built.</summary>
/// <param name="Kind">The protocol.</param>
/// <param name="Request">
/// Bytes sent after connect: HTTP without the final CRLF (added at send time after the optional send-state header),
/// SMTP's HELO line, MySQL's auth + quit packets (empty without <c>user</c>), the LDAP bind, the SSL ClientHello
/// template (its time field is filled at send time).
/// </param>
public sealed record CheckSettings(CheckKind Kind, byte[] Request)
{
    /// <summary>The default plain TCP check.</summary>
    public static readonly CheckSettings Tcp = new(CheckKind.Tcp, []);

    /// <summary>The expect rule's kind (<see cref="ExpectKind.None"/> without one).</summary>
    public ExpectKind Expect { get; init; }

    /// <summary><c>!</c>: the expect rule's verdict is inverted.</summary>
    public bool ExpectInverted { get; init; }

    /// <summary>The string of <c>status</c>/<c>string</c>.</summary>
    public string? ExpectString { get; init; }

    /// <summary>The regex of <c>rstatus</c>/<c>rstring</c>.</summary>
    public PosixRegex? ExpectRegex { get; init; }

    /// <summary><c>http-check disable-on-404</c>.</summary>
    public bool DisableOn404 { get; init; }

    /// <summary><c>http-check send-state</c>.</summary>
    public bool SendState { get; init; }

    /// <summary><c>option log-health-checks</c>.</summary>
    public bool LogHealthChecks { get; init; }
}
