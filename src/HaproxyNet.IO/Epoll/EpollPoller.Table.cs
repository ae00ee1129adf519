using HaproxyNet.IO.Native;

namespace HaproxyNet.IO.Epoll;

/// <summary>The fd table, epoll registration and the pending (ready and wanted) list.</summary>
public sealed unsafe partial class EpollPoller
{
    /// <summary>Adds a new socket to the table (1.4 <c>fd_insert</c>); epoll registration comes later.</summary>
    internal void Attach(FdEntry entry)
    {
        var fd = entry.Fd;
        if (fd >= _table.Length)
        {
            Array.Resize(ref _table, Math.Max(fd + 1, _table.Length * 2));
        }

        entry.Generation = ++_generation;
        _table[fd] = entry;
    }

    /// <summary>Forgets a socket that is about to be closed; close() itself removes it from epoll.</summary>
    internal void Detach(FdEntry entry)
    {
        var fd = entry.Fd;
        if (fd >= 0 && fd < _table.Length && ReferenceEquals(_table[fd], entry))
        {
            _table[fd] = null;
        }

        if (entry.Registered)
        {
            entry.Registered = false;
            entry.Watched = 0;
            RegisteredCount--;
        }
    }

    /// <summary>EPOLL_CTL_ADD with every direction, edge-triggered (listeners, and sockets that wait for both ways).</summary>
    internal void Register(FdEntry entry) => Watch(entry, FdEntry.Read | FdEntry.Write);

    /// <summary>
    /// Makes epoll watch <paramref name="directions"/> too, edge-triggered: EPOLL_CTL_ADD the first time, EPOLL_CTL_MOD
    /// when a direction not watched yet meets EAGAIN later. A socket that only ever blocks on reads is watched for
    /// reads only, so a writable socket never wakes epoll_wait for nothing (as 1.4 registers only what it waits for).
    /// </summary>
    internal void Watch(FdEntry entry, int directions)
    {
        var watched = entry.Watched | directions;
        if (watched == entry.Watched)
        {
            return;
        }

        byte* ev = stackalloc byte[16];
        var data = ((ulong)entry.Generation << 32) | (uint)entry.Fd;
        var events = Linux.EPOLLET | ((watched & FdEntry.Read) != 0 ? Linux.EPOLLIN | Linux.EPOLLRDHUP : 0)
            | ((watched & FdEntry.Write) != 0 ? Linux.EPOLLOUT : 0);
        EpollEvent.Write(ev, events, data);
        var op = entry.Registered ? Linux.EPOLL_CTL_MOD : Linux.EPOLL_CTL_ADD;
        if (LibC.EpollCtl(_epfd, op, entry.Fd, ev) != 0)
        {
            // ENOMEM/ENOSPC (max_user_watches): nothing sensible can continue on this socket.
            throw new InvalidOperationException("epoll_ctl failed: errno " + LibC.Errno);
        }

        entry.Watched = watched;
        if (!entry.Registered)
        {
            entry.Registered = true;
            RegisteredCount++;
        }
    }

    internal void MarkPending(FdEntry entry)
    {
        if (entry.Pending)
        {
            return;
        }

        if (_pendingCount == _pending.Length)
        {
            Array.Resize(ref _pending, _pending.Length * 2);
        }

        entry.Pending = true;
        _pending[_pendingCount++].Entry = entry;
    }

    private void Collect(uint events, ulong data)
    {
        if (data == WakeToken)
        {
            ulong counter;
            LibC.Read(_wakeFd, (byte*)&counter, sizeof(ulong));
            return;
        }

        var fd = (int)(uint)data;
        var entry = fd < _table.Length ? _table[fd] : null;
        if (entry is null || entry.Generation != (uint)(data >> 32))
        {
            return; // closed (and maybe reused) since the kernel queued this event
        }

        var ready = 0;
        if ((events & (Linux.EPOLLIN | Linux.EPOLLRDHUP | Linux.EPOLLHUP | Linux.EPOLLERR)) != 0)
        {
            ready |= FdEntry.Read;
        }

        if ((events & (Linux.EPOLLOUT | Linux.EPOLLHUP | Linux.EPOLLERR)) != 0)
        {
            ready |= FdEntry.Write;
        }

        entry.Ready |= ready;
        if ((entry.Interest & entry.Ready) != 0)
        {
            MarkPending(entry);
        }
    }

    /// <summary>
    /// Runs callbacks for the sockets pending at entry, read before write per socket, then for the sockets created
    /// during this pass (accepted by a listener's callback): as 1.4's sepoll loops again while <c>fd_created</c>, a
    /// new connection's speculative read runs at once instead of after one more epoll_wait.
    /// </summary>
    private int Dispatch()
    {
        var handled = 0;
        var count = _pendingCount;
        var created = _generation;
        for (var i = 0; i < _pendingCount; i++)
        {
            var entry = _pending[i].Entry;
            if (i >= count && entry.Generation <= created)
            {
                continue; // queued by a callback for an older socket: the next pass, after epoll_wait
            }

            if ((entry.Interest & entry.Ready & FdEntry.Read) != 0)
            {
                entry.FireRead();
                handled++;
            }

            // The read callback may have closed the socket or changed its interest.
            if (!entry.IsClosed && (entry.Interest & entry.Ready & FdEntry.Write) != 0)
            {
                entry.FireWrite();
                handled++;
            }
        }

        Compact();
        return handled;
    }

    /// <summary>Keeps what is still wanted and ready (including entries queued by callbacks), in order.</summary>
    private void Compact()
    {
        var kept = 0;
        for (var i = 0; i < _pendingCount; i++)
        {
            var entry = _pending[i].Entry;
            if (!entry.IsClosed && (entry.Interest & entry.Ready) != 0)
            {
                _pending[kept++].Entry = entry;
            }
            else
            {
                entry.Pending = false;
            }
        }

        Array.Clear(_pending, kept, _pendingCount - kept);
        _pendingCount = kept;
    }

    /// <summary>A pending-list element: a struct, so storing an entry skips the covariance check of a class array.</summary>
    private struct PendingSlot
    {
        public FdEntry Entry;
    }
}
