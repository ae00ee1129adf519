using System.Text;
using HaproxyNet.EndToEnd.Tests.Support;
using HaproxyNet.LogDiff;
using HaproxyNet.LogDiff.Comparison;
using HaproxyNet.Testing;
using HaproxyNet.Testing.Goldens;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.EndToEnd.Tests.Scenarios;

/// <summary>
/// Runs <c>dotnet haproxynet.dll -db -f cfg</c> through golden scenarios and requires its normalized syslog output
/// to match the recorded 1.4.25 expected.log field by field (timers within max(100 ms, 20 %)).
/// </summary>
/// <remarks>
/// Every folder of testdata/golden with a scenario.json is a data row; those listed in testdata/golden/EXCLUDED.tsv
/// (scope <c>all</c>) are reported as skipped with their reason. The TCP scenarios and the mode tcp health-check ones (checks-*) run in every
/// <c>dotnet test</c> (about 110 s of real time in all on a shared machine: seed-* take 9 s each, the proxy exits on SIGUSR1 as soon as its sessions are gone). Every wait is bounded by the scenario's own limits and
/// the proxy is always stopped (<see cref="ProxyProcess"/>). On failure the message holds the difference report,
/// harness errors, the proxy's stderr and the folder with run.json, raw.log and normalized.log (kept for inspection).
/// </remarks>
[Trait("Category", "EndToEnd")]
[Collection(RealTimeScenarios.Name)]
public class ScenarioConformanceTests
{
    public static TheoryData<string> Goldens() => [.. GoldenCatalog.All()];

    [GoldenTheory(Scope = GoldenScope.Process)]
    [MemberData(nameof(Goldens))]
    public void Run_GoldenScenario_MatchesRecordedLog(string scenario)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "haproxynet.dll");
        Assert.True(File.Exists(dll), "haproxynet.dll not found next to the tests: " + dll);
        RunnerWarmup.EnsureDone();
        var output = new TempDirectory("e2e-" + scenario);

        var run = ScenarioRunner.Run($"dotnet \"{dll}\"", TestDataPaths.Golden(scenario), output.Path);

        var expected = LogFile.ReadLines(Path.Combine(TestDataPaths.Golden(scenario), "expected.log"));
        // A line cut by syslog's 1024 bytes ends where the program name's length puts it (haproxy-1.4.25 vs
        // haproxynet): such lines are compared on their common prefix (Differential.DifferentialComparer.Comparable).
        var differences = new LogComparer().Compare(
            Differential.DifferentialComparer.Comparable(expected), Differential.DifferentialComparer.Comparable(run.Normalize()));
        var passed = differences.Count == 0 && run.Errors.Count == 0;
        output.Keep = !passed;
        Assert.True(passed, Describe(run, differences));
        output.Dispose();
    }

    private static string Describe(ScenarioRun run, IReadOnlyList<LogDifference> differences)
    {
        var text = new StringBuilder();
        text.Append("scenario ").Append(run.Scenario).Append(": output kept in ").Append(run.OutputDirectory).Append('\n');
        text.Append("proxy pid ").Append(run.Pid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-")
            .Append(", exit code ").Append(run.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-").Append('\n');
        foreach (var error in run.Errors)
        {
            text.Append("harness error: ").Append(error).Append('\n');
        }

        text.Append(DifferenceReport.Format(differences));
        var stderr = run.ReadStderr();
        if (stderr.Length > 0)
        {
            text.Append("--- proxy stderr (end)\n").Append(stderr.Length > 2000 ? stderr[^2000..] : stderr);
        }

        return text.ToString();
    }
}
