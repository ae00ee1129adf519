using HaproxyNet.Config.Model.Rules;

namespace HaproxyNet.Config.Parsing.Builders;

internal sealed partial class ProxyBuilder
{
    public List<SwitchingRuleLine> SwitchingRules = [];
    public List<HttpRequestRule> HttpRequestRuleList = [];
    public List<RedirectRule> RedirectRules = [];
    public List<HeaderRegexRule> RegexRules = [];
    public List<HeaderAddRule> HeaderAddRules = [];
    public List<ConditionRule> ConditionRules = [];
    public List<CaptureHeader> RequestCaptureList = [];
    public List<CaptureHeader> ResponseCaptureList = [];
    public int CaptureCookieLength;
    public List<StickRuleLine> StickRuleLines = [];
    public int StickTableKeyLength;
    public uint StickTableExpire;
    public bool StickTableNoPurge;
    public List<string> CookieDomains = [];
    public uint CookieMaxIdle;
    public uint CookieMaxLife;
    public int AppSessionLength;
    public uint AppSessionTimeout;
    public bool AppSessionRequestLearn;
    public bool AppSessionPrefix;
    public bool AppSessionQueryString;
    public int UriLengthLimit;
    public int UriDepthLimit;
    public bool UriWhole;
    public int UrlParamPostLimit;
    public bool HeaderUseDomainOnly;

    /// <summary>An <c>http-check expect</c> was written in this very section (a second one is refused).</summary>
    public bool HttpCheckExpectHere;
}
