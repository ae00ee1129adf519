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
    /// The descriptor number socket() gave the last <see cref="Connect"/>, kept when the connect then failed and
    /// the socket was closed; -1 when socket() itself failed. 1.4 stores it in <c>si->fd</c> either way.
    /// </summary>
    int LastConnectFd { get; }
}
