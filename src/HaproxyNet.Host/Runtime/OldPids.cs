using HaproxyNet.Host.Cli;

namespace HaproxyNet.Host.Runtime;

/// <summary>Signals the processes named by <c>-sf</c>/<c>-st</c>.</summary>
/// <remarks>1.4's <c>tell_old_pids</c> in haproxy.c: one kill(2) per PID, errors ignored.</remarks>
internal static class OldPids
{
    public static void Tell(IReadOnlyList<int> pids, int signal)
    {
        for (var i = 0; i < pids.Count; i++)
        {
            _ = RuntimeLibc.Kill(pids[i], signal);
        }
    }

    /// <summary>SIGUSR1 for <c>-sf</c>, SIGTERM for <c>-st</c>, 0 when neither was given.</summary>
    public static int SignalFor(OldPidsSignal what) => what switch
    {
        OldPidsSignal.Finish => RuntimeLibc.SIGUSR1,
        OldPidsSignal.Terminate => RuntimeLibc.SIGTERM,
        _ => 0,
    };
}
