using HaproxyNet.Config.Model.Rules;

namespace HaproxyNet.Config.Model;

public sealed partial record ProxySection
{
    public IReadOnlyList<SwitchingRuleLine> SwitchingRules { get; init; } = [];

    public IReadOnlyList<HttpRequestRule> HttpRequestRules { get; init; } = [];

    public IReadOnlyList<RedirectRule> RedirectRules { get; init; } = [];

    /// <summary>req*/rsp* regex rules in declaration order (both directions).</summary>
    public IReadOnlyList<HeaderRegexRule> RegexRules { get; init; } = [];

    public IReadOnlyList<HeaderAddRule> HeaderAddRules { get; init; } = [];

    /// <summary>block, monitor fail, force/ignore-persist, stats admin and tcp-request content rules.</summary>
    public IReadOnlyList<ConditionRule> ConditionRules { get; init; } = [];

    public IReadOnlyList<CaptureHeader> RequestCaptures { get; init; } = [];

    public IReadOnlyList<CaptureHeader> ResponseCaptures { get; init; } = [];

    public CaptureHeader? CaptureCookie { get; init; }

    public uint TcpInspectDelay { get; init; }

    public StickTableSettings? StickTable { get; init; }

    public IReadOnlyList<StickRuleLine> StickRules { get; init; } = [];

    public IReadOnlyList<string> CookieDomains { get; init; } = [];

    /// <summary>Cookie maxidle/maxlife in seconds (0 = unset).</summary>
    public uint CookieMaxIdle { get; init; }

    public uint CookieMaxLife { get; init; }

    public string? AppSessionName { get; init; }

    public int AppSessionLength { get; init; }

    public uint AppSessionTimeout { get; init; }

    /// <summary><c>appsession ... request-learn</c>.</summary>
    public bool AppSessionRequestLearn { get; init; }

    /// <summary><c>appsession ... prefix</c>.</summary>
    public bool AppSessionPrefix { get; init; }

    /// <summary><c>appsession ... mode query-string</c> (else path-parameters).</summary>
    public bool AppSessionQueryString { get; init; }

    public string? PersistRdpCookie { get; init; }

    public int UriLengthLimit { get; init; }

    public int UriDepthLimit { get; init; }

    public bool UriWhole { get; init; }

    public int UrlParamPostLimit { get; init; }

    public bool HeaderUseDomainOnly { get; init; }

    public string? HttpCheckExpect { get; init; }

    public bool DisableOn404 { get; init; }

    public bool SendState { get; init; }

    /// <summary>X-Forwarded-For header name when <c>option forwardfor</c> is in force (null otherwise).</summary>
    public string? ForwardForHeader { get; init; }

    public string? ForwardForExcept { get; init; }

    public bool ForwardForIfNone { get; init; }

    public string? OriginalToHeader { get; init; }

    public string? OriginalToExcept { get; init; }

    public bool TcpKeepAliveClient { get; init; }

    public bool TcpKeepAliveServer { get; init; }

    public bool Transparent { get; init; }

    public string? MonitorNet { get; init; }

    /// <summary>
    /// <see cref="MonitorNet"/> resolved at parse time (1.4's <c>mon_net</c>/<c>mon_mask</c>): the address already
    /// masked ("flush useless bits"), host byte order; null when no monitor-net was given.
    /// </summary>
    public Acl.AclIpv4Network? MonitorNetwork { get; init; }

    public string? HttpSendNameHeader { get; init; }

    public uint BindProcess { get; init; }

    /// <summary>
    /// errorloc/errorloc302/errorloc303 URL per code. A code is either here or in <see cref="ProxySection.ErrorFiles"/>
    /// (the last errorfile/errorloc line for a code wins, as 1.4 keeps one message per code).
    /// </summary>
    public IReadOnlyDictionary<int, string> ErrorLocations { get; init; } = new Dictionary<int, string>();

    /// <summary>Relocation status per code of <see cref="ErrorLocations"/>: 302 (errorloc, errorloc302) or 303 (errorloc303).</summary>
    public IReadOnlyDictionary<int, int> ErrorLocationStatus { get; init; } = new Dictionary<int, int>();

    public ServerLine? DefaultServer { get; init; }

    /// <summary>Dispatch address as "ip:port", or null.</summary>
    public string? Dispatch { get; init; }

    /// <summary>Source address as "ip:port", or null.</summary>
    public string? Source { get; init; }

    /// <summary><c>source ... interface &lt;name&gt;</c> (SO_BINDTODEVICE on server connections), or null.</summary>
    public string? SourceInterface { get; init; }

    public bool ClfLog { get; init; }

    public bool LogAsap { get; init; }
}
