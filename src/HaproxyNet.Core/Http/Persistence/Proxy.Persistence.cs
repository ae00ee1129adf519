using HaproxyNet.Core.Http.Persistence;

namespace HaproxyNet.Core.Proxies;

/// <summary>A proxy's persistence settings: cookie, force/ignore-persist, cookie capture, appsession.</summary>
public sealed partial class Proxy
{
    /// <summary><c>cookie NAME</c> of a backend, as bytes; null without one.</summary>
    public byte[]? CookieName { get; set; }

    /// <summary>The option words of the <c>cookie</c> line.</summary>
    public CookieOptions CookieOpts { get; set; }

    /// <summary>The Set-Cookie domain text after the first <c>; domain=</c>: <c>a</c> or <c>a; domain=b</c>.</summary>
    public byte[]? CookieDomain { get; set; }

    /// <summary><c>maxidle</c> in seconds (0 = unset).</summary>
    public int CookieMaxIdle { get; set; }

    /// <summary><c>maxlife</c> in seconds (0 = unset).</summary>
    public int CookieMaxLife { get; set; }

    /// <summary><c>force-persist</c> / <c>ignore-persist</c> rules, in order (backend side).</summary>
    public List<PersistRule> PersistRules { get; } = [];

    /// <summary><c>capture cookie NAME</c> of a frontend (prefix of the cookie pair); null without one.</summary>
    public byte[]? CaptureCookieName { get; set; }

    /// <summary><c>capture cookie ... len N</c> (at most 63).</summary>
    public int CaptureCookieLength { get; set; }

    /// <summary><c>persist rdp-cookie[(name)]</c>: the RDP cookie name (default <c>msts</c>); null without it.</summary>
    public string? PersistRdpCookie { get; set; }

    /// <summary><c>appsession</c> settings and table; null without one.</summary>
    public AppSessionTable? AppSession { get; set; }
}
