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

    /// <summary>The password of each of <see cref="Users"/> (same index): the text after the first ':'.</summary>
    public List<string> Passwords = [];

    /// <summary>1.4's <c>ST_CONVDONE</c>: the <c>stats auth</c> users were turned into <see cref="AuthRule"/>.</summary>
    public bool ConvDone;

    /// <summary>The implicit <c>auth [realm &lt;r&gt;] unless { http_auth(.internal-stats-userlist) }</c> rule.</summary>
    public Model.Rules.HttpRequestRule? AuthRule;
    public List<string> Scopes = [];
    public int AdminRules;
    public int HttpRequestRules;
    public List<Model.Rules.HttpRequestRule> HttpRequestRuleList = [];
    public bool LastHttpRequestHasCondition = true;
}
