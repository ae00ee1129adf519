using System.Net;
using HaproxyNet.Core.Ports;
using HaproxyNet.IO.Native;

namespace HaproxyNet.IO.Epoll;

/// <summary>A bound, listening, non-blocking TCP socket driven by <see cref="EpollPoller"/>.</summary>
/// <remarks>1.4's listener fd whose read callback is <c>event_accept</c>.</remarks>
internal sealed unsafe class EpollListener : FdEntry, IListenerSocket
{
    internal EpollListener(EpollPoller poller, int fd, IPEndPoint local, int backlog)
        : base(poller, fd)
    {
        LocalEndPoint = local;
        Backlog = backlog;
    }

    public IIoHandler? Handler { get; set; }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The listen() backlog given at bind time, reused by <see cref="Pause"/> and <see cref="Resume"/>.</summary>
    internal int Backlog { get; }

    /// <summary>errno of the last failed <see cref="Pause"/> or <see cref="Resume"/> call (0 when it succeeded).</summary>
    internal int LastErrno { get; private set; }

    /// <summary>Options every accepted socket gets (clitcpka, nolinger, client buffers); default = none.</summary>
    internal SocketOptions AcceptedOptions { get; init; }

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
        if (fd >= 0 && DescriptorBudget.Exceeded(fd))
        {
            // Past the proxy's share (the runtime's reserve): this client is dropped as 1.4 drops it at EMFILE
            // once the backlog overflows, and the listener waits for a descriptor to be released.
            LibC.Close(fd);
            Poller.AcceptStarved(this);
            errno = Linux.EMFILE;
            status = IoStatus.Error;
            return null;
        }

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
            if (errno is Linux.EINTR or Linux.ECONNABORTED)
            {
                status = IoStatus.WouldBlock;
                return null;
            }

            if (errno is Linux.EMFILE or Linux.ENFILE or Linux.ENOBUFS or Linux.ENOMEM)
            {
                Poller.AcceptStarved(this); // no busy loop at the descriptor limit; retried when one is freed
            }

            status = IoStatus.Error;
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
    /// <remarks>
    /// The order 1.4 validates on every system: Linux ignores SHUT_WR on a listening socket, and SHUT_RD takes it
    /// out of LISTEN (queued connections are reset, new SYNs get RST) while the fd keeps its bound port. A second
    /// pause, or a pause after a failed <see cref="Resume"/>, fails with ENOTCONN as it does in 1.4.
    /// </remarks>
    public bool Pause()
    {
        if (IsClosed)
        {
            LastErrno = Linux.EBADF;
            return false;
        }

        if (LibC.Shutdown(Fd, Linux.SHUT_WR) != 0 || LibC.Listen(Fd, Backlog) != 0 || LibC.Shutdown(Fd, Linux.SHUT_RD) != 0)
        {
            LastErrno = LibC.Errno;
            return false;
        }

        LastErrno = 0;
        ChangeInterest(0);
        return true;
    }

    /// <inheritdoc />
    /// <remarks>
    /// listen() again; EADDRINUSE when another socket (without SO_REUSEPORT) listens on the port meanwhile.
    /// The socket is marked readable so that the first poll after enabling tries one accept and re-arms the edge.
    /// </remarks>
    public bool Resume()
    {
        if (IsClosed)
        {
            LastErrno = Linux.EBADF;
            return false;
        }

        if (LibC.Listen(Fd, Backlog) != 0)
        {
            LastErrno = LibC.Errno;
            return false;
        }

        LastErrno = 0;
        Ready |= Read;
        return true;
    }

    /// <inheritdoc />
    public void Close()
    {
        if (IsClosed)
        {
            return;
        }

        var fd = Fd;
        Poller.Unregister(this); // the socket may live on in the process it was handed to
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
