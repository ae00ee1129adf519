namespace HaproxyNet.Core.Proxies;

/// <summary>Proxy life-cycle state (1.4's PR_ST*).</summary>
public enum ProxyState
{
    /// <summary>PR_STNEW: not started yet.</summary>
    New,

    /// <summary>PR_STIDLE: listeners bound but not accepting (limit reached or first turn).</summary>
    Idle,

    /// <summary>PR_STRUN: accepting.</summary>
    Run,

    /// <summary>PR_STPAUSED: paused by SIGTTOU.</summary>
    Paused,

    /// <summary>PR_STSTOPPED: stopped, listeners closed.</summary>
    Stopped,

    /// <summary>PR_STERROR.</summary>
    Error,
}
