using System.Reflection;
using System.Runtime.InteropServices;

namespace HaproxyNet.Logging.Targets;

/// <summary>The libc calls of the Linux datagram path: they keep the real errno, which .NET's sockets remap.</summary>
/// <remarks>1.4 prints <c>strerror(errno)</c> and the raw errno in its alert; <c>SocketException</c> would turn
/// ENOENT into EADDRNOTAVAIL.</remarks>
internal static unsafe partial class LibC
{
    internal const int AF_UNIX = 1;
    internal const int AF_INET = 2;
    internal const int AF_INET6 = 10;
    internal const int SOCK_DGRAM = 2;
    internal const int SOCK_NONBLOCK = 0x800;
    internal const int SOCK_CLOEXEC = 0x80000;
    internal const int SOL_SOCKET = 1;
    internal const int SO_RCVBUF = 8;
    internal const int MSG_DONTWAIT = 0x40;
    internal const int MSG_NOSIGNAL = 0x4000;

    private const string Lib = "libc";

    static LibC()
    {
        NativeLibrary.SetDllImportResolver(typeof(LibC).Assembly, Resolve);
    }

    internal static int Errno => Marshal.GetLastPInvokeError();

    [LibraryImport(Lib, EntryPoint = "socket", SetLastError = true)]
    internal static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(Lib, EntryPoint = "setsockopt", SetLastError = true)]
    internal static partial int SetSockOpt(int fd, int level, int name, void* value, uint length);

    [LibraryImport(Lib, EntryPoint = "sendto", SetLastError = true)]
    internal static partial nint SendTo(int fd, byte* buffer, nuint length, int flags, byte* address, uint addressLength);

    [LibraryImport(Lib, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Lib)
        {
            return 0;
        }

        return NativeLibrary.TryLoad("libc.so.6", out var handle) ? handle : NativeLibrary.GetMainProgramHandle();
    }
}
