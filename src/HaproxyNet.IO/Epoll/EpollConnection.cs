using System.Net;
using HaproxyNet.Core.Ports;
using HaproxyNet.IO.Native;

namespace HaproxyNet.IO.Epoll;

/// <summary>A non-blocking TCP socket driven by <see cref="EpollPoller"/>.</summary>
/// <remarks>1.4's stream socket (<c>stream_sock.c</c>): recv/send never block, EAGAIN means "poll me".</remarks>
internal sealed unsafe class EpollConnection : FdEntry, IConnection
{
    private IPEndPoint? _local;
    private IPEndPoint? _remote;

    /// <summary>A speculative connect whose outcome nobody has seen yet (no epoll registration so far).</summary>
    private bool _connecting;

    /// <summary>The connect outcome found by <see cref="ProbeConnect"/>, handed out once by <see cref="TakeSocketError"/>; -1 = none.</summary>
    private int _connectVerdict = -1;

    internal EpollConnection(EpollPoller poller, int fd, IPEndPoint? remote)
        : base(poller, fd)
    {
        _remote = remote;
    }

    public IIoHandler? Handler { get; set; }

    /// <summary>errno of the last Receive/Send that returned <see cref="IoStatus.Error"/>.</summary>
    public int LastErrno { get; private set; }

    public IPEndPoint LocalEndPoint => _local ??= QueryName(local: true);

    public IPEndPoint RemoteEndPoint => _remote ??= QueryName(local: false);

    /// <inheritdoc />
    /// <remarks>Not cached: the session keeps it (SN_FRT_ADDR_SET), so it is asked at most once per connection.</remarks>
    public IPEndPoint OriginalDestination =>
        (IsClosed ? null : SocketSetup.OriginalDestination(Fd)) ?? LocalEndPoint;

    /// <inheritdoc />
    public int Receive(Span<byte> buffer, out IoStatus status)
    {
        if (IsClosed)
        {
            status = IoStatus.Error;
            return 0;
        }

        if (buffer.IsEmpty)
        {
            status = IoStatus.Ok;
            return 0;
        }

        nint n;
        fixed (byte* p = buffer)
        {
            n = LibC.Recv(Fd, p, (nuint)buffer.Length, 0);
        }

        if (n > 0)
        {
            status = IoStatus.Ok;
            return (int)n;
        }

        if (n == 0)
        {
            status = IoStatus.EndOfStream;
            return 0;
        }

        status = Failed(Read);
        return 0;
    }

    /// <inheritdoc />
    public int Send(ReadOnlySpan<byte> data, out IoStatus status)
    {
        if (IsClosed)
        {
            status = IoStatus.Error;
            return 0;
        }

        if (data.IsEmpty)
        {
            status = IoStatus.Ok;
            return 0;
        }

        nint n;
        fixed (byte* p = data)
        {
            n = LibC.Send(Fd, p, (nuint)data.Length, Linux.MSG_NOSIGNAL | Linux.MSG_DONTWAIT);
        }

        if (n >= 0)
        {
            if (_connecting)
            {
                Connected();
            }

            status = IoStatus.Ok;
            return (int)n;
        }

        status = Failed(Write);
        if (status == IoStatus.Error && _connecting)
        {
            // The send was the connect's check (ConfirmsConnectBySend): its error is the connect's.
            _connecting = false;
            _connectVerdict = LastErrno;
        }

        return 0;
    }

    /// <inheritdoc />
    /// <remarks>
    /// splice(socket → pipe, SPLICE_F_MOVE|SPLICE_F_NONBLOCK). EAGAIN with an empty pipe means the socket is
    /// drained (readiness cleared); with bytes in the pipe it may mean the pipe is full, so the socket stays ready.
    /// </remarks>
    public int SpliceIn(IPipe pipe, int max, out IoStatus status, out bool unsupported)
    {
        unsupported = false;
        var p = (EpollPipe)pipe;
        if (IsClosed)
        {
            status = IoStatus.Error;
            return 0;
        }

        var n = LibC.Splice(Fd, p.WriteFd, (nuint)max, Linux.SPLICE_F_MOVE | Linux.SPLICE_F_NONBLOCK);
        if (n > 0)
        {
            p.Data += (int)n;
            status = IoStatus.Ok;
            return (int)n;
        }

        if (n == 0)
        {
            status = IoStatus.EndOfStream;
            return 0;
        }

        var errno = LibC.Errno;
        if (errno == Linux.EAGAIN)
        {
            if (p.Data == 0)
            {
                ClearReady(Read);
            }

            status = IoStatus.WouldBlock;
            return 0;
        }

        if (errno is Linux.EINVAL or Linux.ENOSYS)
        {
            unsupported = true;
            status = IoStatus.WouldBlock;
            return 0;
        }

        if (errno == Linux.EINTR)
        {
            status = IoStatus.WouldBlock;
            return 0;
        }

        LastErrno = errno;
        status = IoStatus.Error;
        return 0;
    }

    /// <inheritdoc />
    /// <remarks>splice(pipe → socket): EAGAIN means the socket is full (write readiness cleared).</remarks>
    public int SpliceOut(IPipe pipe, out IoStatus status)
    {
        var p = (EpollPipe)pipe;
        if (IsClosed || p.Data == 0)
        {
            status = IsClosed ? IoStatus.Error : IoStatus.Ok;
            return 0;
        }

        var n = LibC.Splice(p.ReadFd, Fd, (nuint)p.Data, Linux.SPLICE_F_MOVE | Linux.SPLICE_F_NONBLOCK);
        if (n > 0)
        {
            p.Data -= (int)n;
            if (_connecting)
            {
                Connected();
            }

            status = IoStatus.Ok;
            return (int)n;
        }

        if (n == 0)
        {
            // The pipe said it was empty although bytes were counted in it: nothing sane can follow.
            LastErrno = Linux.EINVAL;
            status = IoStatus.Error;
            return 0;
        }

        status = Failed(Write);
        return 0;
    }

    /// <inheritdoc />
    public void SetInterest(bool read, bool write)
    {
        if (IsClosed)
        {
            return;
        }

        if (_connecting && !write && read)
        {
            // Reads wanted before anyone looked at the connect: only epoll can tell when data comes.
            _connecting = false;
            ClearReady(Read | Write);
        }

        ChangeInterest((read ? Read : 0) | (write ? Write : 0));
    }

    /// <inheritdoc />
    public void ShutdownWrite()
    {
        if (!IsClosed)
        {
            LibC.Shutdown(Fd, Linux.SHUT_WR);
        }
    }

    /// <inheritdoc />
    public int TakeSocketError()
    {
        if (IsClosed)
        {
            return 0;
        }

        if (_connectVerdict >= 0)
        {
            var verdict = _connectVerdict;
            _connectVerdict = -1;
            return verdict;
        }

        var error = 0;
        var length = (uint)sizeof(int);
        return LibC.GetSockOpt(Fd, Linux.SOL_SOCKET, Linux.SO_ERROR, &error, &length) == 0 ? error : LibC.Errno;
    }

    /// <inheritdoc />
    public void Close(bool reset = false)
    {
        if (IsClosed)
        {
            return;
        }

        if (reset)
        {
            // struct linger { int l_onoff = 1; int l_linger = 0; }: close() sends RST.
            var linger = stackalloc int[2] { 1, 0 };
            LibC.SetSockOpt(Fd, Linux.SOL_SOCKET, Linux.SO_LINGER, linger, 2 * sizeof(int));
        }

        var fd = Fd;
        Poller.Detach(this);
        Interest = 0;
        Ready = 0;
        Fd = -1;
        LibC.Close(fd);
        Poller.DescriptorReleased();
    }

    internal override void FireRead() => Handler?.OnReadable();

    internal override void FireWrite()
    {
        // A handler about to send lets send() tell whether the connect completed (one connect() fewer per
        // server connection, as 1.4's stream_sock_write); the others get the connect checked first.
        if (_connecting && Handler?.ConfirmsConnectBySend != true && !ProbeConnect())
        {
            return; // still in progress: epoll now watches it and will call again
        }

        Handler?.OnWritable();
    }

    /// <summary>Starts a speculative connect: writable until proven otherwise, not registered in epoll.</summary>
    internal void BeginConnect()
    {
        _connecting = true;
        Ready = Write;
    }

    /// <summary>
    /// connect() again on a speculative connect, as 1.4's stream_sock_write does when it has nothing to send: 0 or
    /// EISCONN = connected, EALREADY/EINPROGRESS = still running (handed over to epoll), anything else = the
    /// connect error (kept for <see cref="TakeSocketError"/>). False while the connect is still in progress.
    /// </summary>
    private bool ProbeConnect()
    {
        var target = _remote!;
        byte* addr = stackalloc byte[SockAddr.MaxSize];
        var length = SockAddr.Write(target, new Span<byte>(addr, SockAddr.MaxSize));
        var errno = LibC.Connect(Fd, addr, (uint)length) == 0 ? 0 : LibC.Errno;
        if (errno is Linux.EALREADY or Linux.EINPROGRESS or Linux.EINTR)
        {
            _connecting = false; // epoll's EPOLLOUT is the verdict from now on, SO_ERROR the error
            ClearReady(Read | Write);
            return false;
        }

        if (errno is 0 or Linux.EISCONN)
        {
            Connected();
            _connectVerdict = 0;
            return true;
        }

        _connecting = false;
        _connectVerdict = errno;
        return true;
    }

    /// <summary>The connect is over: reads become speculative too (the first EAGAIN registers the socket).</summary>
    private void Connected()
    {
        _connecting = false;
        Ready |= Read;
        if ((Interest & Read) != 0)
        {
            Poller.MarkPending(this);
        }
    }

    private IoStatus Failed(int direction)
    {
        var errno = LibC.Errno;
        if (errno == Linux.EAGAIN)
        {
            ClearReady(direction);
            return IoStatus.WouldBlock;
        }

        if (errno == Linux.EINTR)
        {
            return IoStatus.WouldBlock; // still ready: the next Poll retries
        }

        LastErrno = errno;
        return IoStatus.Error;
    }

    private IPEndPoint QueryName(bool local)
    {
        byte* addr = stackalloc byte[SockAddr.MaxSize];
        var length = (uint)SockAddr.MaxSize;
        var rc = IsClosed ? -1 : local ? LibC.GetSockName(Fd, addr, &length) : LibC.GetPeerName(Fd, addr, &length);
        return (rc == 0 ? SockAddr.Read(new ReadOnlySpan<byte>(addr, (int)length)) : null)
            ?? new IPEndPoint(IPAddress.Any, 0);
    }
}
