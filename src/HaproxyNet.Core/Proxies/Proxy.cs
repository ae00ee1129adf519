using HaproxyNet.Core.Logging;
using HaproxyNet.Core.Queueing;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Proxies;

/// <summary>Runtime state of one frontend, backend or listen section (1.4's <c>struct proxy</c>).</summary>
/// <remarks>
/// The engine owns this file; the load balancers keep their per-backend state in <c>Proxy.Lb.cs</c>.
/// Settings are plain properties set once by the runtime builder (or a test); counters move at run time.
/// </remarks>
public sealed partial class Proxy
{
    public Proxy(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>frontend, backend or both (listen).</summary>
    public ProxyCapabilities Capabilities { get; set; } = ProxyCapabilities.Listen;

    public ProxyMode Mode { get; set; }

    public ProxyOptions Options { get; set; }

    public ProxyTimeouts Timeouts { get; } = new();

    /// <summary>Frontend <c>maxconn</c> (default 2000); on a pure backend, the value that became the default fullconn.</summary>
    public int MaxConn { get; set; } = 2000;

    /// <summary><c>retries</c> (1.4's conn_retries, default 3).</summary>
    public int ConnRetries { get; set; } = 3;

    /// <summary><c>grace</c> in milliseconds for soft stop.</summary>
    public int GraceMs { get; set; }

    /// <summary>The proxy's loggers (at most two slots in 1.4).</summary>
    public List<LogTarget> Logs { get; } = [];

    /// <summary><c>default_backend</c>, or null to use this proxy as its own backend.</summary>
    public Proxy? DefaultBackend { get; set; }

    /// <summary>Bound addresses of this frontend.</summary>
    public List<Listener> Listeners { get; } = [];

    /// <summary>Servers in declaration order.</summary>
    public List<Server> Servers { get; } = [];

    public ProxyState State { get; set; } = ProxyState.New;

    /// <summary>Tick at which a soft-stopping proxy stops (<see cref="Ticks.Eternity"/> = not stopping).</summary>
    public int StopTime { get; set; }

    /// <summary>Sessions alive on this frontend (fe->feconn).</summary>
    public int FeConn { get; set; }

    /// <summary>Cumulated frontend sessions (cum_feconn).</summary>
    public long CumFeConn { get; set; }

    /// <summary>Sessions assigned to this backend, queued ones included (be->beconn).</summary>
    public int BeConn { get; set; }

    /// <summary>Cumulated backend sessions (cum_beconn).</summary>
    public long CumBeConn { get; set; }

    /// <summary>fullconn (0 when unset on a pure backend).</summary>
    public int FullConn { get; set; }

    /// <summary>Sessions waiting in the backend queue (px->nbpend).</summary>
    public int NbPend { get; set; }

    /// <summary>Sessions waiting in this backend's and its servers' queues (px->totpend).</summary>
    public int TotPend { get; set; }

    /// <summary>The backend queue (px->pendconns), FIFO.</summary>
    public PendingQueue PendConns { get; } = new();

    /// <summary><c>option allbackups</c>.</summary>
    public bool AllBackups { get; set; }

    /// <summary>Failed connection attempts (failed_conns).</summary>
    public long FailedConns { get; set; }

    /// <summary>Retries counted on this backend.</summary>
    public long Retries { get; set; }

    /// <summary>Redispatches counted on this backend.</summary>
    public long Redispatches { get; set; }

    /// <summary>Sessions given a server by the load balancer (cum_lbconn).</summary>
    public long CumLbConn { get; set; }

    /// <summary>Client aborts counted on this proxy.</summary>
    public long CliAborts { get; set; }

    /// <summary>Server aborts counted on this proxy.</summary>
    public long SrvAborts { get; set; }

    public bool IsFrontend => (Capabilities & ProxyCapabilities.Frontend) != 0;

    public bool IsBackend => (Capabilities & ProxyCapabilities.Backend) != 0;

    /// <summary>proxy_cap_str: "proxy" for listen, "frontend", "backend".</summary>
    public string CapabilityWord => Capabilities switch
    {
        ProxyCapabilities.Listen => "proxy",
        ProxyCapabilities.Frontend => "frontend",
        ProxyCapabilities.Backend => "backend",
        _ => "ruleset",
    };

    /// <summary>True when <paramref name="option"/> is set.</summary>
    public bool Has(ProxyOptions option) => (Options & option) != 0;
}
