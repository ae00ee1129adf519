using System.Runtime.InteropServices;

namespace HaproxyNet.Host.Platform;

/// <summary>The few libc calls whose exact results 1.4's configuration reading depends on.</summary>
/// <remarks>
/// getpwnam/getgrnam/gethostbyname return pointers to static storage: callers copy what they need at
/// once. Configuration loading is single-threaded, as in 1.4.
/// </remarks>
internal static partial class Libc
{
    private const string Library = "libc";

    public const int O_RDONLY = 0;
    public const int AF_INET = 2;
    public const int EINTR = 4;

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true)]
    public static partial int Open(byte[] path, int flags);

    [LibraryImport(Library, EntryPoint = "read", SetLastError = true)]
    public static unsafe partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    /// <summary>struct passwd: pw_name, pw_passwd (pointers), then pw_uid (uid_t).</summary>
    [LibraryImport(Library, EntryPoint = "getpwnam", SetLastError = true)]
    public static partial nint GetPwNam(byte[] name);

    /// <summary>struct group: gr_name, gr_passwd (pointers), then gr_gid (gid_t).</summary>
    [LibraryImport(Library, EntryPoint = "getgrnam", SetLastError = true)]
    public static partial nint GetGrNam(byte[] name);

    /// <summary>struct hostent: h_name, h_aliases, h_addrtype, h_length, h_addr_list.</summary>
    [LibraryImport(Library, EntryPoint = "gethostbyname")]
    public static partial nint GetHostByName(byte[] name);

    /// <summary>strerror text for <paramref name="errno"/> ("No such file or directory").</summary>
    public static string StrError(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
