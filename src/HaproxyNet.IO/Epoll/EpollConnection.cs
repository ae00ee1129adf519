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
            status = IoStatus.Ok;
            return (int)n;
        }

        status = Failed(Write);
        return 0;
    }

    /// <inheritdoc />
    public void SetInterest(bool read, bool write)
    {
        if (!IsClosed)
        {
            ChangeInterest((read ? Read : 0) | (write ? Write : 0));
        }
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

    internal override void FireWrite() => Handler?.OnWritable();

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
