namespace HaproxyNet.Core.Proxies;

/// <summary>Server state bits (1.4's SRV_* flags in include/types/server.h).</summary>
[Flags]
public enum ServerState
{
    None = 0,

    /// <summary>SRV_RUNNING: the server is UP.</summary>
    Running = 1,

    /// <summary>SRV_BACKUP: declared with <c>backup</c>.</summary>
    Backup = 2,

    /// <summary>SRV_MAINTAIN: <c>disabled</c> or put in maintenance.</summary>
    Maintain = 4,

    /// <summary>SRV_GOINGDOWN: disable-on-404 (NOLB).</summary>
    GoingDown = 8,

    /// <summary>SRV_WARMINGUP: slowstart in progress.</summary>
    WarmingUp = 16,
}
