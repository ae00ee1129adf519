namespace HaproxyNet.Core.Proxies;

/// <summary>The <c>option</c> switches the engine reads (1.4's PR_O_* / PR_O2_* subset).</summary>
[Flags]
public enum ProxyOptions
{
    None = 0,

    /// <summary><c>option redispatch</c>: the last retry may go to another server.</summary>
    Redispatch = 1 << 0,

    /// <summary><c>option tcplog</c>.</summary>
    TcpLog = 1 << 1,

    /// <summary><c>option logasap</c>.</summary>
    LogAsap = 1 << 2,

    /// <summary><c>option dontlognull</c>.</summary>
    DontLogNull = 1 << 3,

    /// <summary><c>option abortonclose</c>.</summary>
    AbortOnClose = 1 << 4,

    /// <summary><c>option log-separate-errors</c>.</summary>
    LogSeparateErrors = 1 << 5,

    /// <summary><c>option dontlog-normal</c>.</summary>
    DontLogNormal = 1 << 6,

    /// <summary><c>option persist</c>.</summary>
    Persist = 1 << 7,

    /// <summary><c>option independant-streams</c>: a write does not re-arm the read timeout.</summary>
    IndependantStreams = 1 << 8,

    /// <summary><c>option httplog</c> (converted to tcplog on TCP frontends at config check).</summary>
    HttpLog = 1 << 9,

    /// <summary><c>option transparent</c> (PR_O_TRANSP): connect to the client's original destination.</summary>
    Transparent = 1 << 10,

    /// <summary><c>option clitcpka</c> (or <c>tcpka</c> on a frontend): SO_KEEPALIVE on accepted sockets.</summary>
    TcpCliKa = 1 << 11,

    /// <summary><c>option srvtcpka</c> (or <c>tcpka</c> on a backend): SO_KEEPALIVE on server sockets.</summary>
    TcpSrvKa = 1 << 12,

    /// <summary><c>option nolinger</c> (PR_O_TCP_NOLING): SO_LINGER {1, 0} on this proxy's sockets.</summary>
    NoLinger = 1 << 13,

    /// <summary><c>option splice-auto</c> (PR_O2_SPLIC_AUT): splice once a direction streams fast.</summary>
    SpliceAuto = 1 << 24,

    /// <summary><c>option splice-request</c> (PR_O2_SPLIC_REQ): splice client-to-server data.</summary>
    SpliceRequest = 1 << 25,

    /// <summary><c>option splice-response</c> (PR_O2_SPLIC_RTR): splice server-to-client data.</summary>
    SpliceResponse = 1 << 26,
}
