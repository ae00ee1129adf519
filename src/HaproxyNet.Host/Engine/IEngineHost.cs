namespace HaproxyNet.Host.Engine;

/// <summary>
/// The seam between the front door and the proxy engine: once the configuration is valid and the
/// process modes are settled, the engine binds, runs the event loop and returns the exit status.
/// </summary>
/// <remarks>
/// Covers what 1.4's <c>main()</c> does after <c>init()</c>: <c>start_proxies</c>, pidfile, chroot,
/// signalling old PIDs, setuid, then <c>run_poll_loop</c> until the soft stop completes (CLI.md §3-4).
/// The engine integration registers its implementation in <see cref="EngineRegistration"/>.
/// </remarks>
public interface IEngineHost
{
    /// <summary>Runs until the engine stops by itself (soft stop done) or a fatal startup error.</summary>
    /// <returns>The process exit status: 0 after a normal stop, 1 on a startup failure.</returns>
    Task<int> RunAsync(EngineStartup startup, CancellationToken stoppingToken);
}
