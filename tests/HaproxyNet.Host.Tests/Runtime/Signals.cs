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

    /// <summary>
    /// SIGSTOP, then waits (bounded) until every thread of <paramref name="pid"/> is stopped (state T in
    /// /proc/pid/task/*/stat). kill() returns before a multi-threaded process stops: the thread the kernel picks
    /// must run to start the group stop, and until then the others (the event loop) keep making system calls.
    /// </summary>
    public static bool Stop(int pid, TimeSpan limit)
    {
        if (!Send(pid, SigStop))
        {
            return false;
        }

        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (AllThreadsStopped(pid))
            {
                return true;
            }

            Thread.Sleep(2);
        }

        return false;
    }

    private static bool AllThreadsStopped(int pid)
    {
        try
        {
            foreach (var task in Directory.GetDirectories($"/proc/{pid}/task"))
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var state = stat[(stat.LastIndexOf(')') + 2)..];
                if (state.Length == 0 || state[0] != 'T')
                {
                    return false;
                }
            }

            return true;
        }
        catch (IOException)
        {
            return false; // a thread ended while we looked: look again
        }
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
