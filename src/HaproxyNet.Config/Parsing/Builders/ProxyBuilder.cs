using HaproxyNet.Config.Acl;
using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Parsing.Builders;

/// <summary>A proxy (or the defaults section) while parsing: 1.4's <c>struct proxy</c> fields the parser touches.</summary>
internal sealed partial class ProxyBuilder
{
    public string Name = string.Empty;
    public string Keyword = "defaults";
    public ProxyCapabilities Capabilities = ProxyCapabilities.Listen;
    public SourceSpan Span;
    public bool IsDefaults;
    public ProxyMode Mode = ProxyMode.Tcp;
    public bool Disabled;
    public int Id;
    public string? Description;

    /// <summary>Table options set (cfg_opts and cfg_opts2 names) and those explicitly negated.</summary>
    public HashSet<string> Options = new(StringComparer.Ordinal);
    public HashSet<string> NoOptions = new(StringComparer.Ordinal);

    public LogFlags ToLog;
    public bool ClfLog;
    public CheckType CheckType = CheckType.Tcp;
    public string? CheckRequest;
    public string? HttpCheckExpect;
    public bool DisableOn404;
    public bool SendState;
    public bool ForwardFor;
    public string? ForwardForHeader;
    public string? ForwardForExcept;
    public bool ForwardForIfNone;
    public bool OriginalTo;
    public string? OriginalToHeader;
    public string? OriginalToExcept;
    public bool TcpKeepAliveClient;
    public bool TcpKeepAliveServer;
    public bool Transparent;

    public int MaxConn = 2000;
    public int Backlog;
    public uint SessionRateLimit;
    public int FullConn;
    public int Retries = 3;
    public uint Grace;
    public uint BindProcess;

    public uint TimeoutClient;
    public uint TimeoutServer;
    public uint TimeoutConnect;
    public uint TimeoutQueue;
    public uint TimeoutTarpit;
    public uint TimeoutHttpRequest;
    public uint TimeoutHttpKeepAlive;
    public uint TimeoutCheck;

    public List<ListenerBuilder> Listeners = [];
    public List<ServerBuilder> Servers = [];
    public ServerBuilder DefaultServer = new();

    public BalanceAlgorithm Balance;
    public string? BalanceParameter;
    public bool HashConsistent;

    public string? CookieName;
    public List<string> CookieModes = [];
    public string? PersistRdpCookie;
    public string? AppSessionName;
    public string? HttpSendNameHeader;

    public string? DefaultBackend;
    public List<SwitchingRule> UseBackendRules = [];
    public List<SwitchingRule> SetBackendRules = [];
    public AclTable Acls = new();
    public List<AclCondition> Conditions = [];
    public int RequestRegexCount;
    public int ResponseRegexCount;
    public int ReqAddCount;
    public int RedirectCount;
    public int BlockCount;
    public int HttpRequestRules;
    public bool LastHttpRequestHasCondition = true;
    public int RequestCaptures;
    public int ResponseCaptures;
    public string? CaptureCookie;
    public uint TcpInspectDelay;
    public int TcpContentRules;

    public StatsBuilder? Stats;
    public string? MonitorNet;
    public Acl.AclIpv4Network? MonitorNetwork;
    public string? MonitorUri;
    public int MonitorFailRules;

    public List<LogTarget> Logs = [];
    public SocketAddress? Dispatch;
    public SocketAddress? Source;
    public string? Interface;

    public string? StickTableType;
    public uint StickTableSize;
    public List<StickRule> StickRules = [];

    public Dictionary<int, byte[]> ErrorFiles = [];
    public Dictionary<int, string> ErrorLocations = [];
    public Dictionary<int, int> ErrorLocationStatus = [];

    /// <summary>1.4's <c>proxy_type_str</c>: frontend, backend, ruleset, or "proxy" for listen and defaults.</summary>
    public string TypeString => Capabilities switch
    {
        ProxyCapabilities.Frontend | ProxyCapabilities.Ruleset => "frontend",
        ProxyCapabilities.Backend | ProxyCapabilities.Ruleset => "backend",
        ProxyCapabilities.Ruleset => "ruleset",
        _ => "proxy",
    };

    /// <summary>The name 1.4 prints for this proxy; defaults has none (its id is NULL).</summary>
    public string DisplayName => IsDefaults ? "(null)" : Name;

    public bool HasFrontend => (Capabilities & ProxyCapabilities.Frontend) != 0;

    public bool HasBackend => (Capabilities & ProxyCapabilities.Backend) != 0;
}
