namespace HaproxyNet.Core.Checks;

/// <summary>Status of a health check (1.4's HCHK_STATUS_*), in 1.4's order: statuses after
/// <see cref="L57Data"/> carry a layer 5-7 code.</summary>
public enum CheckStatus
{
    /// <summary>0: the server is not checked (check_status unset).</summary>
    None,

    /// <summary>UNK: unknown.</summary>
    Unknown,

    /// <summary>INI: initializing (checks enabled, nothing run yet).</summary>
    Initializing,

    /// <summary>Special status: a check starts (never stored).</summary>
    Start,

    /// <summary>HANA: health analyze (observe).</summary>
    HealthAnalyze,

    /// <summary>SOCKERR: socket error.</summary>
    SocketError,

    /// <summary>L4OK: layer 4 check passed.</summary>
    L4Ok,

    /// <summary>L4TOUT: layer 4 timeout.</summary>
    L4Timeout,

    /// <summary>L4CON: layer 4 connection problem.</summary>
    L4Con,

    /// <summary>L6OK: layer 6 check passed.</summary>
    L6Ok,

    /// <summary>L6TOUT: layer 6 timeout.</summary>
    L6Timeout,

    /// <summary>L6RSP: layer 6 invalid response.</summary>
    L6Rsp,

    /// <summary>L7TOUT: layer 7 timeout.</summary>
    L7Timeout,

    /// <summary>L7RSP: layer 7 invalid response.</summary>
    L7Rsp,

    /// <summary>Dummy marker: statuses after this one print their code.</summary>
    L57Data,

    /// <summary>L7OK: layer 7 check passed.</summary>
    L7Ok,

    /// <summary>L7OKC: layer 7 check conditionally passed (404 with disable-on-404).</summary>
    L7OkConditional,

    /// <summary>L7STS: layer 7 wrong status.</summary>
    L7Sts,
}

/// <summary>Result bits of a check (1.4's SRV_CHK_*).</summary>
[Flags]
public enum CheckResult
{
    /// <summary>SRV_CHK_UNKNOWN: no result yet.</summary>
    Unknown = 0,

    /// <summary>SRV_CHK_ERROR: the check failed.</summary>
    Error = 1,

    /// <summary>SRV_CHK_RUNNING: the check passed.</summary>
    Running = 2,

    /// <summary>SRV_CHK_DISABLE: passed, but the server should not get new traffic (404).</summary>
    Disable = 4,
}

/// <summary>Descriptions and results of <see cref="CheckStatus"/> values (1.4's <c>check_statuses[]</c>).</summary>
public static class CheckStatuses
{
    /// <summary>The reason text logged after <c>reason: </c>.</summary>
    public static string Description(CheckStatus status) => status switch
    {
        CheckStatus.Initializing => "Initializing",
        CheckStatus.HealthAnalyze => "Health analyze",
        CheckStatus.SocketError => "Socket error",
        CheckStatus.L4Ok => "Layer4 check passed",
        CheckStatus.L4Timeout => "Layer4 timeout",
        CheckStatus.L4Con => "Layer4 connection problem",
        CheckStatus.L6Ok => "Layer6 check passed",
        CheckStatus.L6Timeout => "Layer6 timeout",
        CheckStatus.L6Rsp => "Layer6 invalid response",
        CheckStatus.L7Timeout => "Layer7 timeout",
        CheckStatus.L7Rsp => "Layer7 invalid response",
        CheckStatus.L7Ok => "Layer7 check passed",
        CheckStatus.L7OkConditional => "Layer7 check conditionally passed",
        CheckStatus.L7Sts => "Layer7 wrong status",
        _ => "Unknown",
    };

    /// <summary>The result a status stands for (UNKNOWN for the informational ones).</summary>
    public static CheckResult Result(CheckStatus status) => status switch
    {
        CheckStatus.HealthAnalyze or CheckStatus.SocketError or CheckStatus.L4Timeout or CheckStatus.L4Con
            or CheckStatus.L6Timeout or CheckStatus.L6Rsp or CheckStatus.L7Timeout or CheckStatus.L7Rsp
            or CheckStatus.L7Sts => CheckResult.Error,
        CheckStatus.L4Ok or CheckStatus.L6Ok or CheckStatus.L7Ok => CheckResult.Running,
        CheckStatus.L7OkConditional => CheckResult.Running | CheckResult.Disable,
        _ => CheckResult.Unknown,
    };

    /// <summary>True when the status carries a layer 5-7 code (printed as <c>, code: N</c>).</summary>
    public static bool HasCode(CheckStatus status) => status > CheckStatus.L57Data;
}
