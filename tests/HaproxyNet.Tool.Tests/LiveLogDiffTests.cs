using HaproxyNet.Testing;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.Tool.Tests;

/// <summary>
/// logdiff on logs of live runs (opt-in, <c>HAPROXYNET_E2E=1</c>, real loopback sockets): the haproxynet binary and
/// the reference HAProxy 1.4.25 (<c>HAPROXYNET_REF</c> or <c>&lt;repo&gt;/../shared/ref/haproxy-1.4.25</c>) played
/// through a golden scenario by the end-to-end harness, compared with the recorded 1.4.25 log and with each other.
/// </summary>
[Collection(LiveRuns.Name)]
public class LiveLogDiffTests
{
    private static readonly Lazy<bool> Warm = new(() =>
    {
        // The harness's clients and backends are async on the thread pool: enough workers up front that a burst
        // never waits for thread injection (as the end-to-end project does).
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));

        // One discarded run: the harness's clients and backends are JIT-compiled on first use, which would show
        // up in the first session's timers.
        using var dir = new Scratch();
        _ = ScenarioRunner.Run(HaproxyNet(), TestDataPaths.Golden("tcp-basic"), dir.Path);
        return true;
    });

    private static string HaproxyNet() => $"dotnet \"{Path.Combine(AppContext.BaseDirectory, "haproxynet.dll")}\"";

    private static string? Reference()
    {
        var path = Environment.GetEnvironmentVariable("HAPROXYNET_REF")
            ?? Path.Combine(TestDataPaths.RepoRoot, "..", "shared", "ref", "haproxy-1.4.25");
        return File.Exists(path) ? Path.GetFullPath(path) : null;
    }

    private static string RawLog(string command, string golden, Scratch dir, string name)
    {
        _ = Warm.Value;
        var output = Path.Combine(dir.Path, name);
        Directory.CreateDirectory(output);
        var run = ScenarioRunner.Run(command, TestDataPaths.Golden(golden), output);
        Assert.True(run.Errors.Count == 0, string.Join("\n", run.Errors));
        return dir.File(name + ".log", string.Join('\n', run.RawLines) + "\n");
    }

    [LiveTheory]
    [InlineData("tcp-basic")]
    [InlineData("seed-incident")]
    public void LogDiff_LiveHaproxyNetRun_EqualToRecorded14Log(string golden)
    {
        using var dir = new Scratch();
        var ours = RawLog(HaproxyNet(), golden, dir, "haproxynet");

        var run = ToolRun.Of("logdiff", Path.Combine(TestDataPaths.Golden(golden), "raw-1.4.25.log"), ours);

        Assert.True(run.ExitCode == 0, run.Out);
    }

    [LiveTheory]
    [InlineData("tcp-basic")]
    public void LogDiff_LiveReferenceRun_EqualToRecordedAndToHaproxyNet(string golden)
    {
        var reference = Reference();
        Assert.True(reference is not null, "reference binary not found (HAPROXYNET_REF or ../shared/ref/haproxy-1.4.25)");
        using var dir = new Scratch();
        var theirs = RawLog(reference!, golden, dir, "haproxy14");
        var ours = RawLog(HaproxyNet(), golden, dir, "haproxynet");

        var recorded = ToolRun.Of("logdiff", Path.Combine(TestDataPaths.Golden(golden), "raw-1.4.25.log"), theirs);
        var live = ToolRun.Of("logdiff", theirs, ours);

        Assert.True(recorded.ExitCode == 0, recorded.Out);
        Assert.True(live.ExitCode == 0, live.Out);
    }
}

/// <summary>Live runs measure timers in real time: nothing else of this assembly runs beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveRuns
{
    public const string Name = "live runs";
}

/// <summary>A theory that runs only when <c>HAPROXYNET_E2E=1</c> (real processes on loopback, seconds per run).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LiveTheoryAttribute : TheoryAttribute
{
    public LiveTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable("HAPROXYNET_E2E") != "1")
        {
            Skip = "live run of haproxynet and HAProxy 1.4.25: set HAPROXYNET_E2E=1 to enable";
        }
    }
}
