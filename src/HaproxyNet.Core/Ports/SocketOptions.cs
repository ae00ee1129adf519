namespace HaproxyNet.Core.Ports;

/// <summary>
/// The per-socket options a proxy asks for on its accepted or outgoing sockets, computed once per proxy when the
/// runtime is built; the transport sets only what is asked (the default value costs no system call).
/// </summary>
/// <remarks>
/// 1.4 sets them in <c>event_accept</c> (client side: clitcpka, nolinger, tune.sndbuf/rcvbuf.client) and in
/// <c>tcpv4_connect_server</c> (server side: srvtcpka, nolinger, source interface, tune.sndbuf/rcvbuf.server).
/// </remarks>
public readonly record struct SocketOptions
{
    /// <summary>SO_KEEPALIVE (<c>option clitcpka</c> / <c>srvtcpka</c> / <c>tcpka</c>).</summary>
    public bool KeepAlive { get; init; }

    /// <summary>SO_LINGER {1, 0}: every close sends RST (<c>option nolinger</c>).</summary>
    public bool NoLinger { get; init; }

    /// <summary>SO_SNDBUF in bytes, 0 = kernel default (<c>tune.sndbuf.client|server</c>).</summary>
    public int SendBuffer { get; init; }

    /// <summary>SO_RCVBUF in bytes, 0 = kernel default (<c>tune.rcvbuf.client|server</c>).</summary>
    public int ReceiveBuffer { get; init; }

    /// <summary>SO_BINDTODEVICE before the source bind (<c>source ... interface</c>); failure ignored as in 1.4.</summary>
    public string? Interface { get; init; }

    /// <summary>
    /// A foreign (transparent) address to bind instead of the source (<c>usesrc</c>): IP_TRANSPARENT (or
    /// IP_FREEBIND) first; port 0 keeps a kernel-chosen port. Null for a plain source bind.
    /// </summary>
    public System.Net.IPEndPoint? ForeignSource { get; init; }

    /// <summary>True when nothing is asked: the transport skips every option call.</summary>
    public bool IsDefault => !KeepAlive && !NoLinger && SendBuffer == 0 && ReceiveBuffer == 0
        && Interface is null && ForeignSource is null;
}
