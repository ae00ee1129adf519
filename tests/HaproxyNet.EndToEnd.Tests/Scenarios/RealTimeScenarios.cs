namespace HaproxyNet.EndToEnd.Tests.Scenarios;

/// <summary>
/// Real-time golden runs measure timers in milliseconds with the harness's clients and backends inside this test
/// process: no other test class of the assembly may run beside them and starve their threads (seen: a 0 ms echo
/// session logged Tt=958 ms while the runner's own tests ran in parallel on 2 cores).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealTimeScenarios
{
    public const string Name = "real-time scenarios";
}
