namespace HaproxyNet.Core.Http.Persistence;

/// <summary>The words of a <c>cookie</c> line (1.4.25's <c>ck_opts</c>, PR_CK_*).</summary>
[Flags]
public enum CookieOptions
{
    None = 0,

    /// <summary><c>rewrite</c>: the server's Set-Cookie value is replaced by the server's cookie.</summary>
    Rewrite = 1 << 0,

    /// <summary><c>indirect</c>: the cookie is hidden from the server.</summary>
    Indirect = 1 << 1,

    /// <summary><c>insert</c>: HAProxy adds the Set-Cookie itself.</summary>
    Insert = 1 << 2,

    /// <summary><c>prefix</c>: <c>SRV~</c> is put before the application's cookie value.</summary>
    Prefix = 1 << 3,

    /// <summary><c>nocache</c>: an inserted cookie makes a cacheable response <c>Cache-control: private</c>.</summary>
    NoCache = 1 << 4,

    /// <summary><c>postonly</c>: insert only in responses to POST requests.</summary>
    PostOnly = 1 << 5,

    /// <summary><c>preserve</c>: a cookie the server set itself is left alone.</summary>
    Preserve = 1 << 6,

    /// <summary><c>httponly</c>.</summary>
    HttpOnly = 1 << 7,

    /// <summary><c>secure</c>.</summary>
    Secure = 1 << 8,
}

/// <summary>What the request's persistence cookie said (1.4's TX_CK_*), logged as the 3rd termination character.</summary>
public enum RequestCookieState : byte
{
    /// <summary><c>N</c>: no persistence cookie.</summary>
    None = 0,

    /// <summary><c>I</c>: a cookie naming no server.</summary>
    Invalid,

    /// <summary><c>D</c>: the server it names is down (or the session was redispatched away from it).</summary>
    Down,

    /// <summary><c>V</c>: valid, the session went to that server.</summary>
    Valid,

    /// <summary><c>E</c>: its last-seen date is older than maxidle (or too far ahead).</summary>
    Expired,

    /// <summary><c>O</c>: its first date is older than maxlife (or too far ahead).</summary>
    Old,
}

/// <summary>What happened to the persistence cookie in the response (1.4's TX_SCK_*), the 4th termination character.</summary>
public enum ResponseCookieState : byte
{
    /// <summary><c>N</c>: none.</summary>
    None = 0,

    /// <summary><c>P</c>: the server set it and it was left (passive).</summary>
    Found,

    /// <summary><c>D</c>: the server's one was deleted.</summary>
    Deleted,

    /// <summary><c>I</c>: HAProxy inserted one.</summary>
    Inserted,

    /// <summary><c>R</c>: the server's one was rewritten or prefixed.</summary>
    Replaced,

    /// <summary><c>U</c>: the inserted cookie only refreshes the date.</summary>
    Updated,
}

/// <summary>The log characters of the two cookie states.</summary>
public static class CookieLogChars
{
    /// <summary>sess_cookie[]: N I D V E O.</summary>
    public static char Request(RequestCookieState s) => "NIDVEO"[(int)s];

    /// <summary>sess_set_cookie[]: N P D I R U.</summary>
    public static char Response(ResponseCookieState s) => "NPDIRU"[(int)s];
}
