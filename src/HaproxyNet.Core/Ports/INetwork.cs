using System.Net;

namespace HaproxyNet.Core.Ports;

/// <summary>
/// The engine's only way to the network: listeners, outgoing connects and the poller that reports readiness.
/// Production: epoll on non-blocking sockets (HaproxyNet.IO). Tests: an in-memory simulated network.
/// </summary>
public interface INetwork
{
    IPoller Poller { get; }

    /// <summary>socket/SO_REUSEADDR/SO_REUSEPORT/bind/listen (tcp_bind_listener).</summary>
    /// <param name="error">On failure 1.4's reason text: "cannot bind socket", "cannot listen to socket"...</param>
    IListenerSocket? Listen(IPEndPoint endPoint, int backlog, out string? error);

    /// <summary>Non-blocking connect (tcpv4_connect_server), optionally from <paramref name="source"/>.</summary>
    IConnection? Connect(IPEndPoint target, IPEndPoint? source, out ConnectStatus status, out int errno);

    /// <summary>
    /// The descriptor number socket() gave the last <c>Connect</c>, kept when the connect then failed and
    /// the socket was closed; -1 when socket() itself failed. 1.4 stores it in <c>si->fd</c> either way.
    /// </summary>
    int LastConnectFd { get; }

    /// <summary>
    /// tcp_bind_listener with the <c>bind</c> line's options; accepted sockets get <see cref="ListenerOptions.Accepted"/>.
    /// Null on failure (<paramref name="message"/> = the reason); a bound listener may still carry a non-fatal
    /// <paramref name="message"/> of <paramref name="severity"/> Warning or Alert (the last reason set wins, as in 1.4).
    /// </summary>
    IListenerSocket? Listen(IPEndPoint endPoint, int backlog, in ListenerOptions options, out string? message, out ListenSeverity severity)
    {
        var sock = Listen(endPoint, backlog, out message);
        severity = sock is not null && message is not null ? ListenSeverity.Alert : ListenSeverity.None;
        return sock;
    }

    /// <summary>
    /// tcpv4_connect_server with the proxy's socket options: SO_KEEPALIVE, SO_LINGER, SO_BINDTODEVICE, the source
    /// (or <c>usesrc</c> foreign) bind with SO_REUSEADDR, SO_SNDBUF, SO_RCVBUF, then connect().
    /// </summary>
    IConnection? Connect(IPEndPoint target, IPEndPoint? source, in SocketOptions options, out ConnectStatus status, out int errno)
        => Connect(target, source, out status, out errno);

    /// <summary>
    /// A pipe for splicing (1.4's <c>get_pipe</c>), from the transport's pool or new, sized to
    /// <paramref name="size"/> bytes when not 0 (tune.pipesize). Null when the transport cannot splice (not
    /// Linux, the portable transport, pipe() failed): the engine then copies through its buffers.
    /// </summary>
    IPipe? GetPipe(int size) => null;

    /// <summary>Gives back a pipe from <see cref="GetPipe"/> (put_pipe): an empty one is kept for reuse, else closed.</summary>
    void PutPipe(IPipe pipe)
    {
    }
}
