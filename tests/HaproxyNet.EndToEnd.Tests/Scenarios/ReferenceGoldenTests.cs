using HaproxyNet.EndToEnd.Tests.Support;
using HaproxyNet.LogDiff;
using HaproxyNet.LogDiff.Comparison;
using HaproxyNet.Testing;
using HaproxyNet.Testing.Goldens;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.EndToEnd.Tests.Scenarios;

/// <summary>
/// The reference binary itself through this project's scenario runner: every golden must match its expected.log, which
/// shows that the C# runner plays the scenarios as the Python harness that recorded them did (a golden that only the
/// Python harness can reproduce would fail here, not in the port). Opt-in (<c>HAPROXYNET_REF_GOLDENS=1</c>): it takes
/// the real time of every scenario (about 2 minutes in all).
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(RealTimeScenarios.Name)]
public class ReferenceGoldenTests
{
    public static TheoryData<string> Goldens() => [.. GoldenCatalog.All()];

    [ReferenceGoldenTheory]
    [MemberData(nameof(Goldens))]
    public void RunReference_Golden_MatchesRecordedLog(string scenario)
    {
        RunnerWarmup.EnsureDone();
        var output = new TempDirectory("refgolden-" + scenario);

        var run = ScenarioRunner.Run($"\"{ReferenceBinary.Path}\"", TestDataPaths.Golden(scenario), output.Path);

        var expected = LogFile.ReadLines(Path.Combine(TestDataPaths.Golden(scenario), "expected.log"));
        var differences = new LogComparer().Compare(expected, run.Normalize());
        var passed = differences.Count == 0 && run.Errors.Count == 0;
        output.Keep = !passed;
        Assert.True(passed, "output kept in " + output.Path + "\n" + string.Join("\n", run.Errors) + "\n" + DifferenceReport.Format(differences));
        output.Dispose();
    }
}

/// <summary>A theory run only with <c>HAPROXYNET_REF_GOLDENS=1</c> and the reference binary present.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReferenceGoldenTheoryAttribute : TheoryAttribute
{
    public ReferenceGoldenTheoryAttribute()
    {
        Skip = Environment.GetEnvironmentVariable("HAPROXYNET_REF_GOLDENS") != "1"
            ? "replay of the goldens by the reference binary: set HAPROXYNET_REF_GOLDENS=1 to enable"
            : ReferenceBinary.Unavailable;
    }
}
