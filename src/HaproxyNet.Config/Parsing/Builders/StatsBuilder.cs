namespace HaproxyNet.Config.Parsing.Builders;

/// <summary>The <c>stats</c> settings object (1.4's <c>uri_auth</c>), shared with defaults until a proxy writes its own.</summary>
internal sealed class StatsBuilder
{
    public string Uri = "/haproxy?stats";
    public string? Realm;
    public int RefreshSeconds;
    public bool HideVersion;
    public bool ShowLegends;
    public string? ShowNode;
    public bool ShowNodeSet;
    public string? ShowDesc;
    public bool ShowDescSet;
    public List<string> Users = [];
    public List<string> Scopes = [];
    public int AdminRules;
    public int HttpRequestRules;
    public bool LastHttpRequestHasCondition = true;
}
