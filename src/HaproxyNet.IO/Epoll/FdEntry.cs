namespace HaproxyNet.IO.Epoll;

/// <summary>
/// What the poller knows about one file descriptor: wanted directions (interest), directions known to be
/// ready, and whether it is registered in epoll or queued for dispatch.
/// </summary>
/// <remarks>
/// Mirrors 1.4's <c>fdtab[fd]</c> + sepoll's speculative state. Ready bits are set by epoll edges (or assumed
/// for a fresh accepted socket) and cleared only when the kernel answers EAGAIN, which emulates level
/// triggering without any epoll_ctl on interest changes.
/// </remarks>
internal abstract class FdEntry
{
    internal const int Read = 1;
    internal const int Write = 2;

    protected FdEntry(EpollPoller poller, int fd)
    {
        Poller = poller;
        Fd = fd;
    }

    internal EpollPoller Poller { get; }

    /// <summary>The descriptor; -1 once closed. Public: it implements the ports' <c>Fd</c>.</summary>
    public int Fd { get; private protected set; }

    /// <summary>Stamped into epoll_data so events for a recycled fd number are recognised as stale.</summary>
    internal uint Generation { get; set; }

    internal int Interest { get; set; }

    internal int Ready { get; set; }

    internal bool Registered { get; set; }

    /// <summary>The directions epoll watches for this socket (<see cref="Read"/>, <see cref="Write"/>).</summary>
    internal int Watched { get; set; }

    internal bool Pending { get; set; }

    internal bool IsClosed => Fd < 0;

    /// <summary>Runs the read callback (1.4 <c>fdtab[fd].cb[DIR_RD]</c>).</summary>
    internal abstract void FireRead();

    /// <summary>Runs the write callback (1.4 <c>fdtab[fd].cb[DIR_WR]</c>).</summary>
    internal abstract void FireWrite();

    /// <summary>Changes the wanted directions: pure bookkeeping, never a system call.</summary>
    internal void ChangeInterest(int interest)
    {
        Interest = interest;
        if ((interest & Ready) != 0 && !IsClosed)
        {
            Poller.MarkPending(this);
        }
    }

    /// <summary>The kernel said EAGAIN for <paramref name="direction"/>: wait for its next edge.</summary>
    internal void ClearReady(int direction)
    {
        Ready &= ~direction;
        if ((Watched & direction) != direction)
        {
            Poller.Watch(this, direction);
        }
    }
}
