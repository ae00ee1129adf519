namespace HaproxyNet.Core;

/// <summary>The signals the loop handles (1.4's signal handlers, run from the loop).</summary>
public enum EngineSignal
{
    /// <summary>SIGUSR1: soft stop.</summary>
    SoftStop,

    /// <summary>SIGTTOU: pause the frontends.</summary>
    Pause,

    /// <summary>SIGTTIN: resume paused frontends.</summary>
    Resume,

    /// <summary>SIGHUP: dump the servers' states to the logs.</summary>
    DumpState,

    /// <summary>SIGQUIT: dump the buffer pool usage to stderr and give unused memory back.</summary>
    DumpPools,
}
