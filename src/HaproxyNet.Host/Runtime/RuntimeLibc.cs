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

    [LibraryImport(Library, EntryPoint = "setsid", SetLastError = true)]
    public static partial int SetSid();

    [LibraryImport(Library, EntryPoint = "dup2", SetLastError = true)]
    public static partial int Dup2(int oldFd, int newFd);

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true)]
    public static partial int Open(byte[] path, int flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    /// <summary>Points stdin, stdout and stderr at /dev/null: 1.4 closes them in quiet and daemon mode.</summary>
    /// <remarks>/dev/null rather than a bare close so later sockets never take fds 0-2 and writes never fail.</remarks>
    public static void DetachStdio()
    {
        var fd = Open("/dev/null\0"u8.ToArray(), O_RDWR);
        if (fd < 0)
        {
            return;
        }

        for (var i = 0; i <= 2; i++)
        {
            _ = Dup2(fd, i);
        }

        if (fd > 2)
        {
            _ = Close(fd);
        }
    }
}
