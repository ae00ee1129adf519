using System.Runtime.InteropServices;

namespace HaproxyNet.Host.Tests.Runtime;

/// <summary>kill(2) by PID for the process tests (Linux signal numbers).</summary>
internal static partial class Signals
{
    public const int SigQuit = 3;
    public const int SigKill = 9;
    public const int SigStop = 19;
    public const int SigCont = 18;
    public const int SigUsr1 = 10;
    public const int SigTtin = 21;
    public const int SigTtou = 22;

    public static bool Send(int pid, int signal) => pid > 0 && Kill(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
