namespace HaproxyNet.Core.Ports;

/// <summary>Immediate outcome of <see cref="INetwork.Connect"/> (1.4's SN_ERR_* from tcpv4_connect_server).</summary>
public enum ConnectStatus
{
    /// <summary>SN_ERR_NONE: connected or in progress; completion comes as writability.</summary>
    InProgress,

    /// <summary>SN_ERR_SRVCL: the connect failed at once (e.g. ECONNREFUSED on loopback).</summary>
    Refused,

    /// <summary>SN_ERR_RESOURCE: no socket/port/memory (EMFILE, EADDRNOTAVAIL...).</summary>
    Resource,

    /// <summary>SN_ERR_INTERNAL: any other local failure.</summary>
    Internal,
}
