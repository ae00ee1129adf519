using System.Net;
using HaproxyNet.Core.Checks;

namespace HaproxyNet.Core.Proxies;

/// <summary>Health-check state of a server (the check fields of 1.4's <c>struct server</c>).</summary>
/// <remarks>Owned by <c>Core/Checks</c>: the engine reads these, only the check code writes them.</remarks>
public sealed partial class Server
{
    /// <summary>SRV_CHECKED: the server line has <c>check</c> (and a check port).</summary>
    public bool Checked { get; set; }

    /// <summary>The health counter, 0 .. rise+fall-1 (CHECKS.md §2).</summary>
    public int Health { get; set; }

    /// <summary><c>rise</c> (default 2).</summary>
    public int Rise { get; set; } = 2;

    /// <summary><c>fall</c> (default 3).</summary>
    public int Fall { get; set; } = 3;

    /// <summary><c>inter</c> in ms (default 2000).</summary>
    public int Inter { get; set; } = 2000;

    /// <summary><c>fastinter</c> in ms, 0 = unset.</summary>
    public int FastInter { get; set; }

    /// <summary><c>downinter</c> in ms, 0 = unset.</summary>
    public int DownInter { get; set; }

    /// <summary>Port the check connects to.</summary>
    public int CheckPort { get; set; }

    /// <summary><c>addr</c>: the address the check connects to instead of the server's, or null.</summary>
    public IPAddress? CheckAddress { get; set; }

    /// <summary>The check task (1.4's <c>srv-&gt;check</c>), null when the server is not checked.</summary>
    public HealthCheck? Check { get; set; }

    /// <summary>Status of the last check (check_status), <see cref="CheckStatus.None"/> when checks are off.</summary>
    public CheckStatus CheckStatus { get; set; }

    /// <summary>Layer 5-7 code of the last check (HTTP status, SMTP code, LDAP resultCode).</summary>
    public int CheckCode { get; set; }

    /// <summary>Description of the last check (check_desc, at most 127 characters), empty if none.</summary>
    public string CheckDesc { get; set; } = string.Empty;

    /// <summary>Duration of the last check in ms, -1 when unknown (Health analyze).</summary>
    public long CheckDuration { get; set; } = -1;

    /// <summary>Result bits of the current check (SRV_CHK_*).</summary>
    public CheckResult Result { get; set; }

    /// <summary>Passive observation (<c>observe</c>).</summary>
    public ObserveMode Observe { get; set; }

    /// <summary><c>on-error</c> action.</summary>
    public OnErrorAction OnError { get; set; } = OnErrorAction.FailCheck;

    /// <summary><c>error-limit</c> (default 10).</summary>
    public int ErrorLimit { get; set; } = 10;

    /// <summary>Consecutive errors seen by the observer.</summary>
    public int ConsecutiveErrors { get; set; }

    /// <summary>Failed checks that did not change the state (failed_checks).</summary>
    public long FailedChecks { get; set; }

    /// <summary>Failed health analyses (failed_hana).</summary>
    public long FailedHana { get; set; }

    /// <summary>UP to DOWN transitions (down_trans).</summary>
    public long DownTransitions { get; set; }

    /// <summary>Seconds spent DOWN (down_time).</summary>
    public long DownTimeSeconds { get; set; }

    /// <summary>Servers tracking this one (1.4's tracknext chain), in the order 1.4 notifies them.</summary>
    public List<Server> Trackers { get; } = [];
}

/// <summary>Check timing kept with the server (1.4's <c>check_start</c>).</summary>
public sealed partial class Server
{
    /// <summary>Microseconds timestamp of the running check's start, -1 once its status was set (tv_zero).</summary>
    public long CheckStartUs { get; set; } = -1;
}
