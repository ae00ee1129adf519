using System.Runtime.InteropServices;

namespace HaproxyNet.IO.Native;

/// <summary>epoll and eventfd (sys/epoll.h, sys/eventfd.h).</summary>
internal static unsafe partial class LibC
{
    [LibraryImport(Lib, EntryPoint = "epoll_create1", SetLastError = true)]
    internal static partial int EpollCreate1(int flags);

    /// <param name="ev">A struct epoll_event laid out by <see cref="EpollEvent"/>.</param>
    [LibraryImport(Lib, EntryPoint = "epoll_ctl", SetLastError = true)]
    internal static partial int EpollCtl(int epfd, int op, int fd, byte* ev);

    [LibraryImport(Lib, EntryPoint = "epoll_wait", SetLastError = true)]
    internal static partial int EpollWait(int epfd, byte* events, int maxEvents, int timeoutMs);

    [LibraryImport(Lib, EntryPoint = "eventfd", SetLastError = true)]
    internal static partial int EventFd(uint initialValue, int flags);
}
