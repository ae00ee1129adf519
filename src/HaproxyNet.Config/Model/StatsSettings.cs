namespace HaproxyNet.Config.Model;

/// <summary>The stats page settings of a proxy (1.4's <c>uri_auth</c>).</summary>
public sealed record StatsSettings(
    string Uri,
    string? Realm,
    int RefreshSeconds,
    bool HideVersion,
    bool ShowLegends,
    IReadOnlyList<string> Users,
    IReadOnlyList<string> Scopes,
    int AdminRules)
{
    /// <summary>
    /// The <c>stats auth</c> accounts as 1.4's internal userlist <c>.internal-stats-userlist</c> (insecure
    /// passwords, no groups, declaration order); null without <c>stats auth</c>.
    /// </summary>
    public UserList? AuthUserList { get; init; }

    /// <summary>
    /// The rule 1.4 builds from <c>stats auth</c> (CONFIG.md §5 step 12):
    /// <c>auth [realm &lt;Realm&gt;] unless { http_auth(.internal-stats-userlist) }</c>; null without users or
    /// when the check refused <c>stats auth</c> together with <c>stats http-request</c>.
    /// </summary>
    public Rules.HttpRequestRule? AuthRule { get; init; }

    /// <summary>How many <c>stats http-request</c> rules the section gave.</summary>
    public int HttpRequestRules { get; init; }

    /// <summary>The <c>stats http-request allow|deny|auth [realm r] [if|unless cond]</c> rules, in order.</summary>
    public IReadOnlyList<Rules.HttpRequestRule> HttpRequestRuleList { get; init; } = [];

    /// <summary><c>stats show-node</c> was given.</summary>
    public bool ShowNode { get; init; }

    /// <summary>The name given to <c>stats show-node</c>; null = the global node name.</summary>
    public string? NodeName { get; init; }

    /// <summary><c>stats show-desc</c> was given.</summary>
    public bool ShowDesc { get; init; }

    /// <summary>The text given to <c>stats show-desc</c>; null = the global description.</summary>
    public string? Description { get; init; }
}
