namespace HaproxyNet.Core.Backend;

/// <summary>Outcome of <see cref="ServerConnect.ConnectServer"/> (1.4's SN_ERR_* returned by connect_server).</summary>
public enum ConnectError
{
    /// <summary>SN_ERR_NONE: connecting.</summary>
    None,

    /// <summary>SN_ERR_SRVCL: refused at once.</summary>
    SrvCl,

    /// <summary>SN_ERR_SRVTO.</summary>
    SrvTo,

    /// <summary>SN_ERR_PRXCOND.</summary>
    PrxCond,

    /// <summary>SN_ERR_RESOURCE.</summary>
    Resource,

    /// <summary>SN_ERR_INTERNAL: not retryable.</summary>
    Internal,
}
