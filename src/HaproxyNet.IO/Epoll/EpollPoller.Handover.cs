using HaproxyNet.IO.Native;

namespace HaproxyNet.IO.Epoll;

/// <summary>Deregistration of a socket that may outlive its descriptor here (a listener shared with another process).</summary>
public sealed unsafe partial class EpollPoller
{
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
}
