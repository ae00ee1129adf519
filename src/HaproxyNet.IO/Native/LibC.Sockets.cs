using System.Runtime.InteropServices;

namespace HaproxyNet.IO.Native;

/// <summary>Socket calls (sys/socket.h).</summary>
internal static unsafe partial class LibC
{
    [LibraryImport(Lib, EntryPoint = "socket", SetLastError = true)]
    private static partial int SocketNative(int domain, int type, int protocol);

    internal static int Socket(int domain, int type, int protocol)
    {
        Syscalls.Count(Syscall.Socket);
        return SocketNative(domain, type, protocol);
    }

    [LibraryImport(Lib, EntryPoint = "setsockopt", SetLastError = true)]
    private static partial int SetSockOptNative(int fd, int level, int name, void* value, uint length);

    internal static int SetSockOpt(int fd, int level, int name, void* value, uint length)
    {
        Syscalls.Count(Syscall.SetSockOpt);
        return SetSockOptNative(fd, level, name, value, length);
    }

    [LibraryImport(Lib, EntryPoint = "getsockopt", SetLastError = true)]
    private static partial int GetSockOptNative(int fd, int level, int name, void* value, uint* length);

    internal static int GetSockOpt(int fd, int level, int name, void* value, uint* length)
    {
        Syscalls.Count(Syscall.GetSockOpt);
        return GetSockOptNative(fd, level, name, value, length);
    }

    [LibraryImport(Lib, EntryPoint = "bind", SetLastError = true)]
    private static partial int BindNative(int fd, byte* address, uint length);

    internal static int Bind(int fd, byte* address, uint length)
    {
        Syscalls.Count(Syscall.Bind);
        return BindNative(fd, address, length);
    }

    [LibraryImport(Lib, EntryPoint = "listen", SetLastError = true)]
    private static partial int ListenNative(int fd, int backlog);

    internal static int Listen(int fd, int backlog)
    {
        Syscalls.Count(Syscall.Listen);
        return ListenNative(fd, backlog);
    }

    [LibraryImport(Lib, EntryPoint = "accept4", SetLastError = true)]
    private static partial int Accept4Native(int fd, byte* address, uint* length, int flags);

    internal static int Accept4(int fd, byte* address, uint* length, int flags)
    {
        Syscalls.Count(Syscall.Accept);
        return Accept4Native(fd, address, length, flags);
    }

    [LibraryImport(Lib, EntryPoint = "connect", SetLastError = true)]
    private static partial int ConnectNative(int fd, byte* address, uint length);

    internal static int Connect(int fd, byte* address, uint length)
    {
        Syscalls.Count(Syscall.Connect);
        return ConnectNative(fd, address, length);
    }

    // recv/send/epoll_ctl run on every I/O event: they are only ever called on non-blocking descriptors (sockets
    // made with SOCK_NONBLOCK, the epoll set), so they return at once and may skip the GC transition. errno is read
    // only on failure, right after the call (nothing can run in between without the transition), and kept where
    // Errno reads it.
    [LibraryImport(Lib, EntryPoint = "recv")]
    [SuppressGCTransition]
    private static partial nint RecvNative(int fd, byte* buffer, nuint length, int flags);

    /// <summary>recv on a non-blocking socket (never call it on a blocking one: it runs without GC transition).</summary>
    internal static nint Recv(int fd, byte* buffer, nuint length, int flags)
    {
        Syscalls.Count(Syscall.Recv);
        var n = RecvNative(fd, buffer, length, flags);
        if (n < 0)
        {
            KeepErrno();
        }

        return n;
    }

    [LibraryImport(Lib, EntryPoint = "send")]
    [SuppressGCTransition]
    private static partial nint SendNative(int fd, byte* buffer, nuint length, int flags);

    /// <summary>send on a non-blocking socket (never call it on a blocking one: it runs without GC transition).</summary>
    internal static nint Send(int fd, byte* buffer, nuint length, int flags)
    {
        Syscalls.Count(Syscall.Send);
        var n = SendNative(fd, buffer, length, flags);
        if (n < 0)
        {
            KeepErrno();
        }

        return n;
    }

    [LibraryImport(Lib, EntryPoint = "shutdown", SetLastError = true)]
    private static partial int ShutdownNative(int fd, int how);

    internal static int Shutdown(int fd, int how)
    {
        Syscalls.Count(Syscall.Shutdown);
        return ShutdownNative(fd, how);
    }

    [LibraryImport(Lib, EntryPoint = "getsockname", SetLastError = true)]
    private static partial int GetSockNameNative(int fd, byte* address, uint* length);

    internal static int GetSockName(int fd, byte* address, uint* length)
    {
        Syscalls.Count(Syscall.GetSockName);
        return GetSockNameNative(fd, address, length);
    }

    [LibraryImport(Lib, EntryPoint = "getpeername", SetLastError = true)]
    private static partial int GetPeerNameNative(int fd, byte* address, uint* length);

    internal static int GetPeerName(int fd, byte* address, uint* length)
    {
        Syscalls.Count(Syscall.GetPeerName);
        return GetPeerNameNative(fd, address, length);
    }

    /// <summary>setsockopt with an int value; returns true on success.</summary>
    internal static bool SetInt(int fd, int level, int name, int value)
    {
        return SetSockOpt(fd, level, name, &value, sizeof(int)) == 0;
    }
}
