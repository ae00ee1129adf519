using HaproxyNet.Core.Logging;

namespace HaproxyNet.Core;

/// <summary>Process-wide settings of the <c>global</c> section the engine reads.</summary>
public sealed class GlobalSettings
{
    /// <summary>Global <c>maxconn</c> (DEFAULT_MAXCONN 2000).</summary>
    public int MaxConn { get; set; } = 2000;

    /// <summary><c>tune.maxaccept</c>.</summary>
    public int MaxAccept { get; set; } = 100;

    /// <summary><c>tune.bufsize</c>.</summary>
    public int BufSize { get; set; } = 16384;

    /// <summary><c>tune.maxrewrite</c> (default 8192, capped to bufsize / 2): room kept free for HTTP rewrites.</summary>
    public int MaxRewrite { get; set; } = 8192;

    /// <summary><c>spread-checks</c> percentage (0..50).</summary>
    public int SpreadChecks { get; set; }

    /// <summary><c>tune.chksize</c>: the most bytes of a check reply examined (16384).</summary>
    public int ChkSize { get; set; } = 16384;

    /// <summary><c>node</c> (send-state); the host name by default.</summary>
    public string Node { get; set; } = string.Empty;

    /// <summary>Global loggers (used by <c>log global</c> copies and process-wide messages).</summary>
    public List<LogTarget> Logs { get; } = [];

    /// <summary>Time zone of log dates (local time in 1.4).</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Local;

    /// <summary>
    /// Linux splice may be used (GTUNE_USE_SPLICE): a splice build, no <c>nosplice</c>, no <c>-dS</c>. The proxies'
    /// <c>option splice-*</c> say where.
    /// </summary>
    public bool UseSplice { get; set; }

    /// <summary><c>maxpipes</c>: pipes in use at most (computed from the splicing proxies when not set).</summary>
    public int MaxPipes { get; set; }

    /// <summary><c>tune.pipesize</c> in bytes, 0 = the kernel's default (64 KiB on Linux).</summary>
    public int PipeSize { get; set; }

    /// <summary>global <c>description</c>, empty when unset.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>global <c>nbproc</c> (1 when unset).</summary>
    public int NbProc { get; set; } = 1;
}
