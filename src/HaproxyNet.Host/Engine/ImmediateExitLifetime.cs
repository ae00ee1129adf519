using Microsoft.Extensions.Hosting;

namespace HaproxyNet.Host.Engine;

/// <summary>A host lifetime that leaves SIGINT and SIGTERM to the runtime's default: the process ends at once.</summary>
/// <remarks>
/// 1.4 does not catch SIGTERM or SIGINT (CLI.md §4): the process dies with no log and no cleanup. The
/// generic host's ConsoleLifetime would instead turn them into a graceful stop, which the shared harness
/// and operators' scripts would see as a different behaviour. Graceful stop is SIGUSR1's job (engine side).
/// </remarks>
internal sealed class ImmediateExitLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
