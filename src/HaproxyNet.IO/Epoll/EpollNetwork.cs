using System.Net;
using HaproxyNet.Core.Ports;
using HaproxyNet.IO.Native;

namespace HaproxyNet.IO.Epoll;

/// <summary>Listeners and outgoing connections on raw non-blocking Linux sockets, polled by epoll.</summary>
/// <remarks>
/// Mirrors <c>tcp_bind_listener</c> and <c>tcpv4_connect_server</c> (proto_tcp.c). Sockets are created with
/// SOCK_NONBLOCK|SOCK_CLOEXEC, which saves 1.4's fcntl per socket.
/// </remarks>
public sealed unsafe class EpollNetwork : INetwork, IDisposable
{
    private readonly EpollPoller _poller;

    public EpollNetwork(int maxEvents = EpollPoller.DefaultMaxEvents)
    {
        _poller = new EpollPoller(maxEvents);
    }

    public IPoller Poller => _poller;

    /// <inheritdoc />
    /// <remarks>
    /// socket, SO_REUSEADDR, SO_REUSEPORT (failure ignored, as in 1.4), bind, listen. A failed SO_REUSEADDR is
    /// not fatal: the listener is returned and <paramref name="error"/> carries the text to report.
    /// </remarks>
    public IListenerSocket? Listen(IPEndPoint endPoint, int backlog, out string? error)
    {
        error = null;
        var fd = LibC.Socket(SockAddr.Family(endPoint), Linux.SOCK_STREAM | Linux.SOCK_NONBLOCK | Linux.SOCK_CLOEXEC, Linux.IPPROTO_TCP);
        if (fd < 0)
        {
            error = BindReasons.CannotCreate;
            return null;
        }

        if (!LibC.SetInt(fd, Linux.SOL_SOCKET, Linux.SO_REUSEADDR, 1))
        {
            error = BindReasons.CannotReuseAddr;
        }

        LibC.SetInt(fd, Linux.SOL_SOCKET, Linux.SO_REUSEPORT, 1);

        byte* addr = stackalloc byte[SockAddr.MaxSize];
        var length = SockAddr.Write(endPoint, new Span<byte>(addr, SockAddr.MaxSize));
        if (LibC.Bind(fd, addr, (uint)length) != 0)
        {
            LibC.Close(fd);
            error = BindReasons.CannotBind;
            return null;
        }

        if (LibC.Listen(fd, backlog) != 0)
        {
            LibC.Close(fd);
            error = BindReasons.CannotListen;
            return null;
        }

        var local = endPoint;
        if (endPoint.Port == 0)
        {
            var nameLength = (uint)SockAddr.MaxSize;
            if (LibC.GetSockName(fd, addr, &nameLength) == 0)
            {
                local = SockAddr.Read(new ReadOnlySpan<byte>(addr, (int)nameLength)) ?? endPoint;
            }
        }

        var listener = new EpollListener(_poller, fd, local, backlog);
        _poller.Attach(listener);
        _poller.Register(listener);
        return listener;
    }

    /// <inheritdoc />
    public int LastConnectFd { get; private set; } = -1;

    /// <inheritdoc />
    /// <remarks>socket, TCP_NODELAY, optional source bind (SO_REUSEADDR), connect; completion is writability.</remarks>
    public IConnection? Connect(IPEndPoint target, IPEndPoint? source, out ConnectStatus status, out int errno)
    {
        errno = 0;
        var family = SockAddr.Family(target);
        var fd = LibC.Socket(family, Linux.SOCK_STREAM | Linux.SOCK_NONBLOCK | Linux.SOCK_CLOEXEC, Linux.IPPROTO_TCP);
        LastConnectFd = fd;
        if (fd < 0)
        {
            errno = LibC.Errno;
            status = ConnectStatus.Resource;
            return null;
        }

        if (!LibC.SetInt(fd, Linux.IPPROTO_TCP, Linux.TCP_NODELAY, 1))
        {
            return Fail(fd, ConnectStatus.Internal, out status, out errno);
        }

        byte* addr = stackalloc byte[SockAddr.MaxSize];
        if (source is not null)
        {
            LibC.SetInt(fd, Linux.SOL_SOCKET, Linux.SO_REUSEADDR, 1);
            var sourceLength = SockAddr.Write(source, new Span<byte>(addr, SockAddr.MaxSize));
            if (LibC.Bind(fd, addr, (uint)sourceLength) != 0)
            {
                return Fail(fd, ConnectStatus.Resource, out status, out errno);
            }
        }

        var length = SockAddr.Write(target, new Span<byte>(addr, SockAddr.MaxSize));
        if (LibC.Connect(fd, addr, (uint)length) != 0)
        {
            var connectErrno = LibC.Errno;
            var outcome = ConnectErrors.Classify(connectErrno);
            if (outcome != ConnectStatus.InProgress)
            {
                LibC.Close(fd);
                errno = connectErrno;
                status = outcome;
                return null;
            }
        }

        var connection = new EpollConnection(_poller, fd, target);
        _poller.Attach(connection);

        // Not speculative: SO_ERROR reads 0 while the handshake is still running, so wait for epoll's verdict.
        _poller.Register(connection);
        status = ConnectStatus.InProgress;
        return connection;
    }

    public void Dispose() => _poller.Dispose();

    private static IConnection? Fail(int fd, ConnectStatus outcome, out ConnectStatus status, out int errno)
    {
        errno = LibC.Errno;
        LibC.Close(fd);
        status = outcome;
        return null;
    }
}
