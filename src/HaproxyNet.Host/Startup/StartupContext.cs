using HaproxyNet.Config.Environment;
using HaproxyNet.Host.Engine;
using HaproxyNet.Host.Output;

namespace HaproxyNet.Host.Startup;

/// <summary>What <see cref="HaproxyMain"/> touches outside itself, injectable for tests.</summary>
/// <param name="Streams">stdout and stderr.</param>
/// <param name="Clock">Source of the local time in message prefixes.</param>
/// <param name="Pid">Process id shown in message prefixes.</param>
/// <param name="Environment">User/group/file/host look-ups used while reading the configuration.</param>
/// <param name="RunEngine">Runs the engine once the configuration is valid; returns the exit status.</param>
public sealed record StartupContext(
    StdStreams Streams,
    TimeProvider Clock,
    int Pid,
    IConfigEnvironment Environment,
    Func<EngineStartup, int> RunEngine)
{
    /// <summary>The rows the start-up warning looks for: <see cref="UnperformedFeatures.Table"/> unless a test sets its own.</summary>
    internal IReadOnlyList<UnperformedFeature> Unperformed { get; init; } = UnperformedFeatures.Table;
}
