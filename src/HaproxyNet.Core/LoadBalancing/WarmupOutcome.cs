namespace HaproxyNet.Core.LoadBalancing;

/// <summary>What one run of the warm-up task did (<see cref="Slowstart.ServerWarmup"/>).</summary>
public enum WarmupOutcome
{
    /// <summary>The server is not running and warming up (or is in maintenance): nothing done, task stops.</summary>
    NotWarming = 0,

    /// <summary>Weight raised one step; check pending sessions and run again after the warm-up interval.</summary>
    Stepped,

    /// <summary>Slowstart is over: full weight; check pending sessions, task stops.</summary>
    Finished,
}
