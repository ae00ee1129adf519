using System.Runtime.InteropServices;

namespace HaproxyNet.Host.Runtime;

/// <summary>The libc calls the running process needs: signalling old PIDs, detaching, redirecting stdio.</summary>
internal static partial class RuntimeLibc
{
    private const string Library = "libc";

    public const int SIGTERM = 15;
    public const int SIGUSR1 = 10;
    public const int SIGTTIN = 21;
    public const int SIGTTOU = 22;
    public const int O_RDWR = 2;

    /// <summary>kill(2); failures are ignored by 1.4's <c>tell_old_pids</c> too.</summary>
    [LibraryImport(Library, EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    public const int F_GETFD = 1;
    public const int F_SETFD = 2;
    public const int FD_CLOEXEC = 1;

    [LibraryImport(Library, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport(Library, EntryPoint = "setsid", SetLastError = true)]
    public static partial int SetSid();

    [LibraryImport(Library, EntryPoint = "dup2", SetLastError = true)]
    public static partial int Dup2(int oldFd, int newFd);

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true)]
    public static partial int Open(byte[] path, int flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    public const int StdoutFd = 1;

    /// <summary>write(2): one system call, no buffering; the result is ignored by callers, as 1.4 ignores it.</summary>
    [LibraryImport(Library, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, ReadOnlySpan<byte> buffer, nuint count);

    /// <summary>The descriptors open in this process now (/proc/self/fd; empty where there is no /proc).</summary>
    public static List<int> OpenDescriptors()
    {
        var fds = new List<int>();
        if (!Directory.Exists("/proc/self/fd"))
        {
            return fds;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            if (int.TryParse(Path.GetFileName(entry), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var fd))
            {
                fds.Add(fd);
            }
        }

        return fds;
    }

    /// <summary>
    /// Marks every descriptor above stderr close-on-exec, so a child started now inherits only its stdio.
    /// </summary>
    /// <remarks>
    /// .NET closes nothing between fork and exec: a pipe our own parent gave us (a test's or a script's
    /// stdout) would otherwise stay open in a daemon child, and whoever waits for its end would wait forever.
    /// </remarks>
    public static void SetCloseOnExecAbove2()
    {
        foreach (var fd in OpenDescriptors())
        {
            if (fd > 2)
            {
                var flags = Fcntl(fd, F_GETFD, 0);
                if (flags >= 0 && (flags & FD_CLOEXEC) == 0)
                {
                    _ = Fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
                }
            }
        }
    }

    [LibraryImport(Library, EntryPoint = "chroot", SetLastError = true)]
    public static partial int Chroot(byte[] path);

    [LibraryImport(Library, EntryPoint = "chdir", SetLastError = true)]
    public static partial int Chdir(byte[] path);

    [LibraryImport(Library, EntryPoint = "getgroups", SetLastError = true)]
    public static partial int GetGroups(int size, nint list);

    [LibraryImport(Library, EntryPoint = "setgroups", SetLastError = true)]
    public static partial int SetGroups(nuint size, nint list);

    [LibraryImport(Library, EntryPoint = "setgid", SetLastError = true)]
    public static partial int SetGid(int gid);

    [LibraryImport(Library, EntryPoint = "setuid", SetLastError = true)]
    public static partial int SetUid(int uid);

    /// <summary>Points stdin, stdout and stderr at /dev/null now (see <see cref="StdioDetach"/>).</summary>
    public static void DetachStdio() => StdioDetach.Prepare()?.Apply();

    /// <summary>NUL-terminated bytes of a path for the libc calls.</summary>
    public static byte[] CString(string text) => System.Text.Encoding.UTF8.GetBytes(text + "\0");
}
