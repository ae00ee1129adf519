using System.Reflection;
using System.Runtime.InteropServices;

namespace HaproxyNet.IO.Native;

/// <summary>The few libc calls the epoll transport needs, declared with blittable arguments only.</summary>
/// <remarks>
/// Split by topic (<c>LibC.Sockets.cs</c>, <c>LibC.Epoll.cs</c>). "libc" is resolved to the C library already
/// loaded in the process (<c>libc.so.6</c> on glibc), so no extra file is probed at run time.
/// </remarks>
internal static unsafe partial class LibC
{
    private const string Lib = "libc";

    static LibC()
    {
        NativeLibrary.SetDllImportResolver(typeof(LibC).Assembly, Resolve);
    }

    /// <summary>Forces the static constructor (and thus the resolver) before the first P/Invoke.</summary>
    internal static void EnsureLoaded()
    {
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name == LibCrypt.Lib)
        {
            return LibCrypt.ResolveCrypt();
        }

        if (name != Lib)
        {
            return 0;
        }

        if (NativeLibrary.TryLoad("libc.so.6", out var handle))
        {
            return handle;
        }

        // musl and others: libc is part of the main program's dependencies.
        return NativeLibrary.GetMainProgramHandle();
    }

    /// <summary>errno of the last failed call (declared with SetLastError, or kept by <see cref="KeepErrno"/>).</summary>
    internal static int Errno => Marshal.GetLastPInvokeError();

    /// <summary>
    /// Keeps errno where <see cref="Errno"/> reads it, for a call made without SetLastError and without GC transition
    /// (so nothing ran since it returned).
    /// </summary>
    private static void KeepErrno() => Marshal.SetLastPInvokeError(Marshal.GetLastSystemError());

    [LibraryImport(Lib, EntryPoint = "close", SetLastError = true)]
    private static partial int CloseNative(int fd);

    internal static int Close(int fd)
    {
        Syscalls.Count(Syscall.Close);
        return CloseNative(fd);
    }

    [LibraryImport(Lib, EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadNative(int fd, byte* buffer, nuint count);

    internal static nint Read(int fd, byte* buffer, nuint count)
    {
        Syscalls.Count(Syscall.Read);
        return ReadNative(fd, buffer, count);
    }

    [LibraryImport(Lib, EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteNative(int fd, byte* buffer, nuint count);

    internal static nint Write(int fd, byte* buffer, nuint count)
    {
        Syscalls.Count(Syscall.Write);
        return WriteNative(fd, buffer, count);
    }
}
