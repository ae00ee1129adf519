using HaproxyNet.Config.Acl;

namespace HaproxyNet.Core.Stats;

/// <summary>A proxy's stats page settings at run time (1.4's <c>struct uri_auth</c>).</summary>
public sealed class StatsPageSettings
{
    /// <summary><c>stats uri</c> prefix as bytes (default <c>/haproxy?stats</c>).</summary>
    public byte[] Uri { get; init; } = "/haproxy?stats"u8.ToArray();

    /// <summary><c>stats uri</c> as text.</summary>
    public string UriText { get; init; } = "/haproxy?stats";

    /// <summary><c>stats realm</c>; null = "HAProxy Statistics" is announced.</summary>
    public string? Realm { get; init; }

    /// <summary><c>stats refresh</c> in seconds, 0 = none.</summary>
    public int RefreshSeconds { get; init; }

    /// <summary><c>stats hide-version</c>.</summary>
    public bool HideVersion { get; init; }

    /// <summary><c>stats show-legends</c>.</summary>
    public bool ShowLegends { get; init; }

    /// <summary><c>stats show-node</c>: the name to show, null when not asked.</summary>
    public string? ShowNode { get; init; }

    /// <summary><c>stats show-desc</c>: the text to show, null when not asked.</summary>
    public string? ShowDesc { get; init; }

    /// <summary><c>stats auth</c> accounts (user, password); empty = no authentication.</summary>
    public List<(string User, string Password)> Users { get; } = [];

    /// <summary><c>stats scope</c> names; empty = every proxy. "." is resolved to the proxy's own name.</summary>
    public List<string> Scopes { get; } = [];

    /// <summary><c>stats admin if|unless</c> conditions; the first that holds grants admin rights.</summary>
    public List<AclCondition> AdminConditions { get; } = [];

    /// <summary>The <c>stats http-request</c> rules: the first whose condition holds decides (allow, deny, auth).</summary>
    public List<Proxies.HttpRequestRuleRt> Rules { get; } = [];
}
