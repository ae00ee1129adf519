using HaproxyNet.IO.Native;

namespace HaproxyNet.IO.Epoll;

/// <summary>What the poller does for listeners only: sharing with another process, and running out of descriptors.</summary>
public sealed unsafe partial class EpollPoller
{
    private readonly List<EpollListener> _starved = [];

    /// <summary>
    /// EPOLL_CTL_DEL before close: epoll drops a registration only when the last descriptor of the open file goes,
    /// so a listener handed to another process would otherwise keep waking this poller for its new owner's clients.
    /// </summary>
    internal void Unregister(FdEntry entry)
    {
        if (entry.Registered && entry.Fd >= 0)
        {
            byte* ev = stackalloc byte[16];
            _ = LibC.EpollCtl(_epfd, Linux.EPOLL_CTL_DEL, entry.Fd, ev);
        }
    }

    /// <summary>
    /// accept() failed for want of descriptors or memory (EMFILE, ENFILE, ENOBUFS, ENOMEM): the listener is no
    /// longer "ready", so the loop sleeps instead of retrying at once, and it is retried when a descriptor of
    /// this process is released (<see cref="DescriptorReleased"/>) or a new client arrives.
    /// </summary>
    internal void AcceptStarved(EpollListener listener)
    {
        listener.ClearReady(FdEntry.Read);
        if (!_starved.Contains(listener))
        {
            _starved.Add(listener);
        }
    }

    /// <summary>A socket of ours is being closed: starved listeners get one more accept attempt.</summary>
    internal void DescriptorReleased()
    {
        if (_starved.Count == 0)
        {
            return;
        }

        foreach (var listener in _starved)
        {
            if (!listener.IsClosed)
            {
                listener.Ready |= FdEntry.Read;
                if ((listener.Interest & FdEntry.Read) != 0)
                {
                    MarkPending(listener);
                }
            }
        }

        _starved.Clear();
    }
}
