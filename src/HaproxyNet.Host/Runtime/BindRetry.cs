namespace HaproxyNet.Host.Runtime;

/// <summary>The <c>-sf</c>/<c>-st</c> bind retry loop, with its side effects passed in so tests can count them.</summary>
/// <remarks>
/// 1.4.25's <c>main()</c> around <c>start_proxies</c>: attempt; stop on success, without old PIDs, or after the last
/// attempt; else SIGTTOU to the old PIDs, 10 ms pause, retry (<see cref="EngineProcess.MaxStartRetries"/> times).
/// When no old PID could be signalled, one last attempt follows at once. After a failure the old PIDs get SIGTTIN
/// back unless the first attempt was already the last.
/// </remarks>
internal static class BindRetry
{
    /// <summary>Runs the loop; returns the errors of the last attempt (empty once everything is bound).</summary>
    /// <param name="attempt">
    /// One <c>start_proxies</c> pass (already bound listeners are kept); its argument is true for the last chance,
    /// the only pass whose failures 1.4 prints.
    /// </param>
    /// <param name="oldPidCount">How many PIDs follow <c>-sf</c>/<c>-st</c>.</param>
    /// <param name="pauseOldPids">Sends SIGTTOU to the old PIDs; returns how many received it.</param>
    /// <param name="wait">The 10 ms pause between attempts.</param>
    /// <param name="resumeOldPids">True when the caller must close its listeners and send SIGTTIN to the old PIDs.</param>
    public static IReadOnlyList<string> Run(
        Func<bool, IReadOnlyList<string>> attempt, int oldPidCount, Func<int> pauseOldPids, Action wait, out bool resumeOldPids)
    {
        var retry = EngineProcess.MaxStartRetries;
        IReadOnlyList<string> errors;
        while (true)
        {
            errors = attempt(retry == 0 || oldPidCount == 0);
            if (errors.Count == 0 || oldPidCount == 0 || retry == 0)
            {
                break;
            }

            if (pauseOldPids() == 0)
            {
                retry = 0; // nobody to wait for: one last attempt, then give up
                continue;
            }

            wait();
            retry--;
        }

        resumeOldPids = errors.Count > 0 && retry != EngineProcess.MaxStartRetries && oldPidCount > 0;
        return errors;
    }
}
