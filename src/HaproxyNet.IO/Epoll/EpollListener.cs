using System.Net;
using HaproxyNet.Core.Ports;
using HaproxyNet.IO.Native;

namespace HaproxyNet.IO.Epoll;

/// <summary>A bound, listening, non-blocking TCP socket driven by <see cref="EpollPoller"/>.</summary>
/// <remarks>1.4's listener fd whose read callback is <c>event_accept</c>.</remarks>
internal sealed unsafe class EpollListener : FdEntry, IListenerSocket, IFileDescriptor
{
    internal EpollListener(EpollPoller poller, int fd, IPEndPoint local)
        : base(poller, fd)
    {
        LocalEndPoint = local;
    }

    public IIoHandler? Handler { get; set; }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Options every accepted socket gets (clitcpka, nolinger, client buffers); default = none.</summary>
    internal SocketOptions AcceptedOptions { get; init; }

    /// <summary>The file descriptor (the <c>-d</c> trace prints it), or -1 once closed.</summary>
    public int FileDescriptor => Fd;

    /// <inheritdoc />
    /// <remarks>accept4 with SOCK_NONBLOCK|SOCK_CLOEXEC, then TCP_NODELAY as 1.4's <c>event_accept</c> does.</remarks>
    public IConnection? TryAccept(out IoStatus status, out int errno)
    {
        errno = 0;
        if (IsClosed)
        {
            status = IoStatus.Error;
            return null;
        }

        byte* addr = stackalloc byte[SockAddr.MaxSize];
        var length = (uint)SockAddr.MaxSize;
        var fd = LibC.Accept4(Fd, addr, &length, Linux.SOCK_NONBLOCK | Linux.SOCK_CLOEXEC);
        if (fd < 0)
        {
            errno = LibC.Errno;
            if (errno == Linux.EAGAIN)
            {
                ClearReady(Read);
                status = IoStatus.WouldBlock;
                return null;
            }

            // 1.4 stops this accept round on EINTR/ECONNABORTED too; the listener stays ready for the next.
            status = errno is Linux.EINTR or Linux.ECONNABORTED ? IoStatus.WouldBlock : IoStatus.Error;
            return null;
        }

        if (!LibC.SetInt(fd, Linux.IPPROTO_TCP, Linux.TCP_NODELAY, 1))
        {
            errno = LibC.Errno;
            LibC.Close(fd);
            status = IoStatus.Error;
            return null;
        }

        SocketSetup.ApplyAccepted(fd, AcceptedOptions);
        var connection = new EpollConnection(Poller, fd, SockAddr.Read(new ReadOnlySpan<byte>(addr, (int)length)));
        Poller.Attach(connection);

        // Speculative I/O as in sepoll: the first read and write are tried before asking epoll.
        connection.Ready = Read | Write;
        status = IoStatus.Ok;
        return connection;
    }

    /// <inheritdoc />
    public void SetInterest(bool read)
    {
        if (!IsClosed)
        {
            ChangeInterest(read ? Read : 0);
        }
    }

    /// <inheritdoc />
    public void Close()
    {
        if (IsClosed)
        {
            return;
        }

        var fd = Fd;
        Poller.Detach(this);
        Interest = 0;
        Ready = 0;
        Fd = -1;
        LibC.Close(fd);
    }

    internal override void FireRead() => Handler?.OnReadable();

    internal override void FireWrite()
    {
        // A listener has no write side (1.4 sets cb[DIR_WR] to NULL).
    }
}
