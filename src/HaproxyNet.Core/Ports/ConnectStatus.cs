namespace HaproxyNet.Core.Ports;

/// <summary>Immediate outcome of <c>INetwork.Connect</c> (1.4's SN_ERR_* from tcpv4_connect_server).</summary>
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

    /// <summary>SN_ERR_RESOURCE: bind() to the <c>source</c> address failed (tcpv4_bind_socket returned 1).</summary>
    SourceBindFailed,

    /// <summary>SN_ERR_RESOURCE: the <c>usesrc</c> foreign address could not be bound (tcpv4_bind_socket returned 2).</summary>
    ForeignBindFailed,
}
