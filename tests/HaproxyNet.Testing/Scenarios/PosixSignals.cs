using System.Runtime.InteropServices;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>Sends a signal to one process, by PID (libc <c>kill(2)</c>); never to a group or by name.</summary>
internal static partial class PosixSignals
{
    // Linux numbering (x86-64 and arm64).
    public const int SigKill = 9;
    public const int SigUsr1 = 10;
    public const int SigTerm = 15;

    /// <summary>True when the signal was delivered (false when the process is gone or the PID is not positive).</summary>
    public static bool Send(int pid, int signal) => pid > 0 && Kill(pid, signal) == 0;

    public static string Name(int signal) => signal switch
    {
        SigKill => "SIGKILL",
        SigUsr1 => "SIGUSR1",
        SigTerm => "SIGTERM",
        _ => "signal " + signal,
    };

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);
}
