using HaproxyNet.Config.Acl;

namespace HaproxyNet.Core.Proxies;

/// <summary>A proxy's HTTP settings and counters (1.4's PR_O_HTTP_*, captures, switching rules, monitor-uri).</summary>
public sealed partial class Proxy
{
    /// <summary>The HTTP <c>option</c> switches (connection modes, parser tolerance, clf).</summary>
    public HttpProxyOptions HttpOptions { get; set; }

    /// <summary><c>capture request header NAME len N</c>, in declaration order.</summary>
    public List<HeaderCapture> RequestCaptures { get; } = [];

    /// <summary><c>capture response header NAME len N</c>, in declaration order.</summary>
    public List<HeaderCapture> ResponseCaptures { get; } = [];

    /// <summary><c>use_backend BE if|unless COND</c>, in order (frontend side).</summary>
    public List<SwitchingRule> SwitchingRules { get; } = [];

    /// <summary><c>monitor-uri</c>, as bytes; null when unset.</summary>
    public byte[]? MonitorUri { get; set; }

    /// <summary><c>monitor fail if|unless COND</c> conditions.</summary>
    public List<AclCondition> MonitorFail { get; } = [];

    /// <summary><c>errorfile</c>/<c>errorloc</c> messages of this proxy; null = the built-in pages.</summary>
    public Http.Errors.HttpErrorMessages? ErrorMessages { get; set; }

    /// <summary>Transactions of ended sessions of this frontend, reused by the next ones (no allocation per connection).</summary>
    internal Stack<Http.HttpTxn> TxnPool { get; } = new();

    /// <summary>Header indexes and request lines of transactions not in flight (idle keep-alive, ended sessions).</summary>
    internal Stack<Http.HttpTxnStorage> TxnStoragePool { get; } = new();

    /// <summary>Requests rejected as invalid (failed_req).</summary>
    public long FailedReq { get; set; }

    /// <summary>Invalid or missing responses (failed_resp).</summary>
    public long FailedResp { get; set; }

    /// <summary>Responses denied (denied_resp).</summary>
    public long DeniedResp { get; set; }

    /// <summary>Responses by status class 1xx..5xx, other (p.fe.http.rsp[]).</summary>
    public long[] HttpRsp { get; } = new long[6];

    /// <summary>HTTP requests seen (cum_req).</summary>
    public long CumReq { get; set; }

    /// <summary>True when <paramref name="option"/> is set.</summary>
    public bool HasHttp(HttpProxyOptions option) => (HttpOptions & option) != 0;
}

/// <summary>HTTP options of a proxy.</summary>
[Flags]
public enum HttpProxyOptions
{
    None = 0,

    /// <summary><c>option httpclose</c>.</summary>
    HttpClose = 1 << 0,

    /// <summary><c>option http-server-close</c>.</summary>
    ServerClose = 1 << 1,

    /// <summary><c>option forceclose</c>.</summary>
    ForceClose = 1 << 2,

    /// <summary><c>option http-pretend-keepalive</c>.</summary>
    PretendKeepAlive = 1 << 3,

    /// <summary><c>option http-use-proxy-header</c>.</summary>
    UseProxyHeader = 1 << 4,

    /// <summary><c>option accept-invalid-http-request</c>.</summary>
    AcceptInvalidRequest = 1 << 5,

    /// <summary><c>option accept-invalid-http-response</c>.</summary>
    AcceptInvalidResponse = 1 << 6,

    /// <summary><c>option httplog clf</c>.</summary>
    Clf = 1 << 7,

    /// <summary>The options that decide the connection mode (1.4's PR_O_HTTP_MODE set).</summary>
    ModeMask = HttpClose | ServerClose | ForceClose,
}

/// <summary>One <c>capture request|response header</c> line.</summary>
/// <param name="Name">Header name (matched case-insensitively).</param>
/// <param name="Length">Bytes kept.</param>
public sealed record HeaderCapture(string Name, int Length)
{
    /// <summary>The name as ASCII bytes.</summary>
    public byte[] NameBytes { get; } = System.Text.Encoding.ASCII.GetBytes(Name);
}

/// <summary>One <c>use_backend</c> rule.</summary>
/// <param name="Backend">Target backend.</param>
/// <param name="Condition">Its condition.</param>
public sealed record SwitchingRule(Proxy Backend, AclCondition Condition);
