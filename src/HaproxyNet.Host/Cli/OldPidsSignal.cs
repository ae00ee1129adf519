namespace HaproxyNet.Host.Cli;

/// <summary>What the new process sends to the <c>-sf</c>/<c>-st</c> PIDs once it is bound (1.4's <c>oldpids_sig</c>).</summary>
public enum OldPidsSignal
{
    /// <summary>Neither <c>-sf</c> nor <c>-st</c> was given.</summary>
    None = 0,

    /// <summary><c>-sf</c>: SIGUSR1, the old processes finish their sessions then exit.</summary>
    Finish = 1,

    /// <summary><c>-st</c>: SIGTERM, the old processes die at once.</summary>
    Terminate = 2,
}
