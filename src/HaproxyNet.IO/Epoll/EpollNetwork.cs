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
    private readonly Stack<EpollPipe> _pipePool = new();

    public EpollNetwork(int maxEvents = EpollPoller.DefaultMaxEvents)
    {
        _poller = new EpollPoller(maxEvents);
    }

    public IPoller Poller => _poller;

    /// <summary>
    /// Listening sockets received from an old process (adopted by <c>Listen</c> instead of binding) and those bound
    /// here (for the next one); null = always bind, hand nothing over.
    /// </summary>
    public Handover.ListenerHandover? Handover { get; set; }

    /// <inheritdoc />
    /// <remarks>
    /// socket, SO_REUSEADDR, SO_REUSEPORT (failure ignored, as in 1.4), bind, listen. A failed SO_REUSEADDR is
    /// not fatal: the listener is returned and <paramref name="error"/> carries the text to report.
    /// </remarks>
    public IListenerSocket? Listen(IPEndPoint endPoint, int backlog, out string? error)
        => Listen(endPoint, backlog, default, out error, out _);

    /// <inheritdoc />
    /// <remarks>
    /// tcp_bind_listener's order: socket, SO_REUSEADDR (alert), SO_LINGER, SO_REUSEPORT, IP_TRANSPARENT (alert),
    /// SO_BINDTODEVICE, TCP_MAXSEG, TCP_DEFER_ACCEPT (warnings), bind, listen. As in 1.4, a later non-fatal reason
    /// replaces an earlier one, and the severity is the worst seen.
    /// </remarks>
    public IListenerSocket? Listen(IPEndPoint endPoint, int backlog, in ListenerOptions options, out string? message, out ListenSeverity severity)
    {
        string? error = null;
        severity = ListenSeverity.None;
        var adopted = Handover?.TakeInherited(endPoint, options) ?? -1; // already bound and listening: no socket/bind
        var fd = adopted >= 0 ? adopted : LibC.Socket(SockAddr.Family(endPoint), Linux.SOCK_STREAM | Linux.SOCK_NONBLOCK | Linux.SOCK_CLOEXEC, Linux.IPPROTO_TCP);
        if (fd < 0)
        {
            message = BindReasons.CannotCreate;
            return null;
        }

        if (adopted < 0 && !LibC.SetInt(fd, Linux.SOL_SOCKET, Linux.SO_REUSEADDR, 1))
        {
            error = BindReasons.CannotReuseAddr;
            severity = ListenSeverity.Alert;
        }

        if (options.NoLinger)
        {
            SocketSetup.SetNoLinger(fd);
        }

        if (adopted < 0)
        {
            LibC.SetInt(fd, Linux.SOL_SOCKET, Linux.SO_REUSEPORT, 1);
        }

        if (!options.IsDefault)
        {
            ApplyListenerOptions(fd, endPoint, options, ref error, ref severity);
        }

        byte* addr = stackalloc byte[SockAddr.MaxSize];
        var length = SockAddr.Write(endPoint, new Span<byte>(addr, SockAddr.MaxSize));
        if (adopted < 0 && LibC.Bind(fd, addr, (uint)length) != 0)
        {
            LibC.Close(fd);
            message = BindReasons.CannotBind;
            severity = ListenSeverity.None;
            return null;
        }

        if (LibC.Listen(fd, backlog) != 0)
        {
            LibC.Close(fd);
            message = BindReasons.CannotListen;
            severity = ListenSeverity.None;
            return null;
        }

        message = error;

        var local = endPoint;
        if (endPoint.Port == 0)
        {
            var nameLength = (uint)SockAddr.MaxSize;
            if (LibC.GetSockName(fd, addr, &nameLength) == 0)
            {
                local = SockAddr.Read(new ReadOnlySpan<byte>(addr, (int)nameLength)) ?? endPoint;
            }
        }

        var listener = new EpollListener(_poller, fd, local, backlog) { AcceptedOptions = options.Accepted };
        _poller.Attach(listener);
        _poller.Register(listener);
        Handover?.Bound(listener, endPoint, options);
        return listener;
    }

    /// <inheritdoc />
    public int LastConnectFd { get; private set; } = -1;

    /// <inheritdoc />
    /// <remarks>socket, TCP_NODELAY, optional source bind (SO_REUSEADDR), connect; completion is writability.</remarks>
    public IConnection? Connect(IPEndPoint target, IPEndPoint? source, out ConnectStatus status, out int errno)
        => Connect(target, source, default, out status, out errno);

    /// <inheritdoc />
    /// <remarks>
    /// tcpv4_connect_server's order: socket, TCP_NODELAY, SO_KEEPALIVE, SO_LINGER, SO_BINDTODEVICE, source bind
    /// (SO_REUSEADDR; foreign with IP_TRANSPARENT for <c>usesrc</c>), SO_SNDBUF, SO_RCVBUF, connect.
    /// </remarks>
    public IConnection? Connect(IPEndPoint target, IPEndPoint? source, in SocketOptions options, out ConnectStatus status, out int errno)
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

        if (DescriptorBudget.Exceeded(fd))
        {
            LibC.Close(fd); // the runtime's reserve: out of descriptors as far as the proxy is concerned
            LastConnectFd = -1;
            errno = Linux.EMFILE;
            status = ConnectStatus.Resource;
            return null;
        }

        if (!LibC.SetInt(fd, Linux.IPPROTO_TCP, Linux.TCP_NODELAY, 1))
        {
            return Fail(fd, ConnectStatus.Internal, out status, out errno);
        }

        if (options.KeepAlive)
        {
            LibC.SetInt(fd, Linux.SOL_SOCKET, Linux.SO_KEEPALIVE, 1);
        }

        if (options.NoLinger)
        {
            SocketSetup.SetNoLinger(fd);
        }

        if (source is not null)
        {
            if (options.Interface is { } device)
            {
                SocketSetup.BindToDevice(fd, device); // may fail without CAP_NET_RAW: ignored, as in 1.4
            }

            var bound = SocketSetup.BindSource(fd, source, options.ForeignSource);
            if (bound != 0)
            {
                return Fail(fd, bound == 1 ? ConnectStatus.SourceBindFailed : ConnectStatus.ForeignBindFailed, out status, out errno);
            }
        }

        SocketSetup.ApplyBuffers(fd, options);
        byte* addr = stackalloc byte[SockAddr.MaxSize];

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

        // Speculative, as sepoll: the write side is tried before asking epoll (on loopback the handshake is over
        // when connect() returns). SO_ERROR reads 0 while a handshake runs, so the first write event asks
        // connect() again (EISCONN / EALREADY / the error); a connect still in progress then waits for epoll.
        connection.BeginConnect();
        status = ConnectStatus.InProgress;
        return connection;
    }

    /// <inheritdoc />
    /// <remarks>An empty pipe from the pool, else pipe2() (+ F_SETPIPE_SZ); null when no pipe can be made now.</remarks>
    public IPipe? GetPipe(int size) => _pipePool.TryPop(out var pipe) ? pipe : EpollPipe.Create(size);

    /// <inheritdoc />
    public void PutPipe(IPipe pipe)
    {
        var p = (EpollPipe)pipe;
        if (p.Data == 0 && p.ReadFd >= 0)
        {
            _pipePool.Push(p);
        }
        else
        {
            p.Close(); // bytes nobody will read: the pipe goes with them
        }
    }

    /// <summary>Pipes kept for reuse (for tests).</summary>
    internal int PooledPipes => _pipePool.Count;

    public void Dispose()
    {
        while (_pipePool.TryPop(out var p))
        {
            p.Close();
        }

        _poller.Dispose();
    }

    /// <summary>The optional part of tcp_bind_listener; each failure keeps the listener and records its reason.</summary>
    private static void ApplyListenerOptions(int fd, IPEndPoint endPoint, in ListenerOptions options, ref string? reason, ref ListenSeverity severity)
    {
        if (options.Transparent && !SocketSetup.AllowForeignBind(fd, endPoint))
        {
            reason = BindReasons.CannotMakeTransparent;
            severity = ListenSeverity.Alert;
        }

        if (options.Interface is { } device && !SocketSetup.BindToDevice(fd, device))
        {
            reason = BindReasons.CannotBindToDevice;
            severity = severity == ListenSeverity.Alert ? severity : ListenSeverity.Warning;
        }

        if (options.Mss > 0 && !LibC.SetInt(fd, Linux.IPPROTO_TCP, Linux.TCP_MAXSEG, options.Mss))
        {
            reason = BindReasons.CannotSetMss;
            severity = severity == ListenSeverity.Alert ? severity : ListenSeverity.Warning;
        }

        // Defer accepts by up to one second, as 1.4 does.
        if (options.DeferAccept && !LibC.SetInt(fd, Linux.IPPROTO_TCP, Linux.TCP_DEFER_ACCEPT, 1))
        {
            reason = BindReasons.CannotDeferAccept;
            severity = severity == ListenSeverity.Alert ? severity : ListenSeverity.Warning;
        }
    }

    private static IConnection? Fail(int fd, ConnectStatus outcome, out ConnectStatus status, out int errno)
    {
        errno = LibC.Errno;
        LibC.Close(fd);
        status = outcome;
        return null;
    }
}
