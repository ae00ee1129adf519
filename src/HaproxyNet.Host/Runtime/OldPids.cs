using HaproxyNet.Host.Cli;

namespace HaproxyNet.Host.Runtime;

/// <summary>Signals the processes named by <c>-sf</c>/<c>-st</c>.</summary>
/// <remarks>1.4.25's <c>tell_old_pids</c> in haproxy.c: one kill(2) per PID.</remarks>
internal static class OldPids
{
    /// <summary>Sends <paramref name="signal"/> to every PID; returns how many were delivered (kill returned 0).</summary>
    public static int Tell(IReadOnlyList<int> pids, int signal)
    {
        var delivered = 0;
        for (var i = 0; i < pids.Count; i++)
        {
            if (RuntimeLibc.Kill(pids[i], signal) == 0)
            {
                delivered++;
            }
        }

        return delivered;
    }

    /// <summary>SIGUSR1 for <c>-sf</c>, SIGTERM for <c>-st</c>, 0 when neither was given.</summary>
    public static int SignalFor(OldPidsSignal what) => what switch
    {
        OldPidsSignal.Finish => RuntimeLibc.SIGUSR1,
        OldPidsSignal.Terminate => RuntimeLibc.SIGTERM,
        _ => 0,
    };
}
