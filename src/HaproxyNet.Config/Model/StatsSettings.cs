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
    int AdminRules);
