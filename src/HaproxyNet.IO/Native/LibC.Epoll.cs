using System.Runtime.InteropServices;

namespace HaproxyNet.IO.Native;

/// <summary>epoll and eventfd (sys/epoll.h, sys/eventfd.h).</summary>
internal static unsafe partial class LibC
{
    [LibraryImport(Lib, EntryPoint = "epoll_create1", SetLastError = true)]
    internal static partial int EpollCreate1(int flags);

    /// <param name="ev">A struct epoll_event laid out by <see cref="EpollEvent"/>.</param>
    [LibraryImport(Lib, EntryPoint = "epoll_ctl")]
    [SuppressGCTransition]
    private static partial int EpollCtlNative(int epfd, int op, int fd, byte* ev);

    /// <summary>epoll_ctl (never blocks: runs without GC transition, errno kept on failure as for recv).</summary>
    internal static int EpollCtl(int epfd, int op, int fd, byte* ev)
    {
        Syscalls.Count(Syscall.EpollCtl);
        var r = EpollCtlNative(epfd, op, fd, ev);
        if (r != 0)
        {
            KeepErrno();
        }

        return r;
    }

    [LibraryImport(Lib, EntryPoint = "epoll_wait", SetLastError = true)]
    private static partial int EpollWaitNative(int epfd, byte* events, int maxEvents, int timeoutMs);

    internal static int EpollWait(int epfd, byte* events, int maxEvents, int timeoutMs)
    {
        Syscalls.Count(Syscall.EpollWait);
        return EpollWaitNative(epfd, events, maxEvents, timeoutMs);
    }

    [LibraryImport(Lib, EntryPoint = "eventfd", SetLastError = true)]
    internal static partial int EventFd(uint initialValue, int flags);
}
