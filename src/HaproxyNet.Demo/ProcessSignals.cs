using System.Runtime.InteropServices;

namespace HaproxyNet.Demo;

/// <summary>Sends a signal to one process by its PID (libc kill).</summary>
internal static partial class ProcessSignals
{
    /// <summary>SIGUSR1 on Linux: 1.4's soft stop.</summary>
    public const int SigUsr1 = 10;

    public static bool Send(int pid, int signal) => pid > 0 && Kill(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);
}
