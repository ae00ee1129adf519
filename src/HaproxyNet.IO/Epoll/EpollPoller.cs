using System.Runtime.InteropServices;
using HaproxyNet.Core.Ports;
using HaproxyNet.IO.Native;

namespace HaproxyNet.IO.Epoll;

/// <summary>
/// Edge-triggered epoll with user-space readiness tracking: level-triggered behaviour for the handlers, at most
/// one epoll_ctl per socket for its whole life.
/// </summary>
/// <remarks>
/// Mirrors 1.4's sepoll (<c>ev_sepoll.c</c> <c>_do_poll</c>). A socket is added to epoll once, with
/// IN|OUT|RDHUP|ET, the first time the kernel answers EAGAIN (connecting and listening sockets at once); a
/// fresh accepted socket is first tried speculatively. Interest changes only flip bits. Each
/// <see cref="Poll"/> runs, per socket in readiness order, the read callback then the write callback while
/// the direction is both wanted and ready; a direction stays ready until Receive/Send/TryAccept meets EAGAIN,
/// so a handler that leaves data unread is called again on the next Poll, exactly as with level triggering.
/// Not thread-safe except <see cref="Wake"/>. No allocation per event: a pre-sized native event array and a
/// table indexed by fd.
/// </remarks>
public sealed unsafe partial class EpollPoller : IPoller, IDisposable
{
    /// <summary>1.4's default <c>tune.maxpollevents</c>.</summary>
    public const int DefaultMaxEvents = 200;

    /// <summary>
    /// Speculative work that makes one <see cref="Poll"/> worth returning without epoll_wait (sepoll's
    /// MIN_RETURN_EVENTS): under load, the kernel is asked every other turn only.
    /// </summary>
    internal const int MinReturnEvents = 25;

    private const ulong WakeToken = ulong.MaxValue;

    private readonly int _epfd;
    private readonly int _wakeFd;
    private readonly int _maxEvents;
    private readonly byte* _events;
    private FdEntry?[] _table = new FdEntry?[1024];
    private PendingSlot[] _pending = new PendingSlot[256];
    private int _pendingCount;
    private uint _generation;
    private bool _disposed;
    private bool _skippedWait;

    public EpollPoller(int maxEvents = DefaultMaxEvents)
    {
        LibC.EnsureLoaded();
        _maxEvents = maxEvents;
        _epfd = LibC.EpollCreate1(Linux.EPOLL_CLOEXEC);
        if (_epfd < 0)
        {
            throw new InvalidOperationException("epoll_create1 failed: errno " + LibC.Errno);
        }

        _wakeFd = LibC.EventFd(0, Linux.EFD_NONBLOCK | Linux.EFD_CLOEXEC);
        if (_wakeFd < 0)
        {
            var errno = LibC.Errno;
            LibC.Close(_epfd);
            throw new InvalidOperationException("eventfd failed: errno " + errno);
        }

        byte* ev = stackalloc byte[16];
        EpollEvent.Write(ev, Linux.EPOLLIN, WakeToken);
        if (LibC.EpollCtl(_epfd, Linux.EPOLL_CTL_ADD, _wakeFd, ev) != 0)
        {
            var errno = LibC.Errno;
            LibC.Close(_wakeFd);
            LibC.Close(_epfd);
            throw new InvalidOperationException("epoll_ctl(eventfd) failed: errno " + errno);
        }

        _events = (byte*)NativeMemory.Alloc((nuint)(maxEvents * EpollEvent.Size));
    }

    ~EpollPoller()
    {
        Release();
    }

    public string Name => "epoll";

    /// <summary>Sockets currently registered in epoll (for tests and the -d trace).</summary>
    internal int RegisteredCount { get; private set; }

    /// <summary>Sockets with a wanted and ready direction waiting for the next <see cref="Poll"/>.</summary>
    internal int PendingCount
    {
        get
        {
            Compact();
            return _pendingCount;
        }
    }

    /// <inheritdoc />
    public int Poll(int timeoutMs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        // Work already known to be ready must not wait behind a sleeping epoll_wait.
        Compact();
        if (_pendingCount >= MinReturnEvents && !_skippedWait)
        {
            // Enough speculative work for a turn: run it now and ask epoll on the next turn (never twice in a row,
            // so sockets waiting in epoll do not starve).
            _skippedWait = true;
            return Dispatch();
        }

        _skippedWait = false;
        var n = LibC.EpollWait(_epfd, _events, _maxEvents, _pendingCount > 0 ? 0 : timeoutMs);
        if (n < 0)
        {
            var errno = LibC.Errno;
            if (errno != Linux.EINTR)
            {
                throw new InvalidOperationException("epoll_wait failed: errno " + errno);
            }

            n = 0;
        }

        for (var i = 0; i < n; i++)
        {
            Collect(EpollEvent.Events(_events, i), EpollEvent.Data(_events, i));
        }

        return Dispatch();
    }

    /// <inheritdoc />
    public void Wake()
    {
        if (_disposed)
        {
            return; // the eventfd number may already belong to another file
        }

        ulong one = 1;
        LibC.Write(_wakeFd, (byte*)&one, sizeof(ulong));
    }

    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    private void Release()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        LibC.Close(_wakeFd);
        LibC.Close(_epfd);
        NativeMemory.Free(_events);
    }
}
