using System.Runtime.InteropServices;

namespace HaproxyNet.IO.Native;

/// <summary>Pipes and splice (unistd.h, fcntl.h; Linux only).</summary>
internal static unsafe partial class LibC
{
    [LibraryImport(Lib, EntryPoint = "pipe2", SetLastError = true)]
    private static partial int Pipe2Native(int* fds, int flags);

    [LibraryImport(Lib, EntryPoint = "splice", SetLastError = true)]
    private static partial nint SpliceNative(int fdIn, long* offIn, int fdOut, long* offOut, nuint length, uint flags);

    [LibraryImport(Lib, EntryPoint = "fcntl", SetLastError = true)]
    private static partial int FcntlNative(int fd, int command, int argument);

    /// <summary>pipe2(): <paramref name="fds"/>[0] the read end, [1] the write end.</summary>
    internal static int Pipe2(int* fds, int flags)
    {
        Syscalls.Count(Syscall.Pipe);
        return Pipe2Native(fds, flags);
    }

    /// <summary>splice() between a socket and a pipe, without offsets.</summary>
    internal static nint Splice(int fdIn, int fdOut, nuint length, uint flags)
    {
        Syscalls.Count(Syscall.Splice);
        return SpliceNative(fdIn, null, fdOut, null, length, flags);
    }

    internal static int Fcntl(int fd, int command, int argument)
    {
        Syscalls.Count(Syscall.Fcntl);
        return FcntlNative(fd, command, argument);
    }
}
