using System.Diagnostics;
using System.Globalization;
using HaproxyNet.EndToEnd.Tests.Support;
using HaproxyNet.LogDiff;
using HaproxyNet.LogDiff.Comparison;
using HaproxyNet.LogDiff.Parsing;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.EndToEnd.Tests.Scenarios;

/// <summary>
/// The runner end to end against a fake proxy (Scenarios/FakeProxy/fake_proxy.py: relays TCP, one tcplog-shaped
/// line per session, stop lines on SIGUSR1). Each run is bounded to a few seconds.
/// </summary>
public class ScenarioRunnerTests
{
    private const string Config = """
        # runner test: one relay in front of an echo server
        global
            log 127.0.0.1:${SYSLOG_PORT} local0
        listen relay
            bind 127.0.0.1:${FE_PORT}
            server s1 127.0.0.1:${BE1_PORT}

        """;

    // c4 holds its connection 1500 ms while c5 starts 100 ms later and ends at once: c5 is logged first.
    private const string Scenario = """
        {
          "backends": {"BE1_PORT": {"type": "echo"}},
          "clients": {"echo": {"port": "FE_PORT", "actions": [{"send_bytes": "${i}00"}, {"recv": "${i}00"}]}},
          "steps": [
            {"wait_log": "Proxy relay started", "timeout_ms": 5000},
            {"client": "echo", "repeat": 3},
            {"parallel": [
               {"port": "FE_PORT", "actions": [{"send": "ping"}, {"recv": 4}, {"hold_until_ms": 1500}]},
               {"port": "FE_PORT", "actions": [{"send_bytes": 10}, {"recv": 10}]}
             ], "stagger_ms": 100}
          ],
          "settle_ms": 100,
          "stop_grace_ms": 2000
        }
        """;

    private const string Expected = """
        <133>SYSLOG_DATE PROGNAME[PID]: Proxy relay started.
        <133>SYSLOG_DATE PROGNAME[PID]: relay bound to 127.0.0.1:<FE_PORT>
        <134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c1 [ACCEPT_DATE] relay relay/s1 0/0/0 100 -- 0/0/0/0/0 0/0
        <134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c2 [ACCEPT_DATE] relay relay/s1 0/0/0 200 -- 0/0/0/0/0 0/0
        <134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c3 [ACCEPT_DATE] relay relay/s1 0/0/0 300 -- 0/0/0/0/0 0/0
        <134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c4 [ACCEPT_DATE] relay relay/s1 0/0/1500 4 -- 0/0/0/0/0 0/0
        <134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c5 [ACCEPT_DATE] relay relay/s1 0/0/0 10 -- 0/0/0/0/0 0/0
        <132>SYSLOG_DATE PROGNAME[PID]: Stopping proxy relay in 0 ms.
        <132>SYSLOG_DATE PROGNAME[PID]: Proxy relay stopped (FE: 5 conns, BE: 5 conns).
        """;

    [Python3Fact]
    public void Run_FakeProxy_NormalizedLogMatchesExpected()
    {
        using var scenario = WriteScenario(Config, Scenario);
        using var output = new TempDirectory("runner-out");

        var run = ScenarioRunner.Run(FakeProxyCommand(), scenario.Path, output.Path);

        Assert.Empty(run.Errors);

        // The fake's timers are only as good as a loaded 2-core machine allows: a wide timer tolerance here, every
        // other field exact; the hold of c4 is checked on its own below.
        var differences = new LogComparer(new TimerTolerance(AbsoluteMs: 1000)).Compare(LogFile.ParseLines(Expected), run.Normalize());
        Assert.True(differences.Count == 0, DifferenceReport.Format(differences) + string.Join("\n", run.RawLines));

        // Raw order is the fake's: c5 ended before c4, ordering put them back.
        var raw = run.RawLines;
        Assert.True(IndexOfClient(raw, run, 5) < IndexOfClient(raw, run, 4));
        var c4 = LogLineParser.Parse(run.Normalize().Single(l => l.Contains(":c4 ", StringComparison.Ordinal)));
        Assert.InRange(int.Parse(c4["Tt"]!, CultureInfo.InvariantCulture), 1450, 5000);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(5, run.ClientConnections.Count);
        Assert.All(run.Clients, c => Assert.Null(c.Error));
        Assert.Equal(5, run.BackendStats["BE1_PORT"].Accepted);
        Assert.Contains(run.Timeline, t => t.EndsWith("sending SIGUSR1 to pid " + run.Pid, StringComparison.Ordinal));
        Assert.DoesNotContain(run.Timeline, t => t.Contains("SIGTERM", StringComparison.Ordinal));
        Assert.False(Directory.Exists("/proc/" + run.Pid));
        foreach (var file in new[] { "haproxy.cfg", "run.json", "raw.log", "normalized.log", "stdout.log", "stderr.log" })
        {
            Assert.True(File.Exists(output.Combine(file)), file);
        }

        Assert.Equal(LogFile.ParseLines(File.ReadAllText(output.Combine("normalized.log"))), run.Normalize());
    }

    [PythonLogcompareFact]
    public void Run_FakeProxy_PythonHarnessNormalizesOurOutputsTheSame()
    {
        using var scenario = WriteScenario(Config, Scenario);
        using var output = new TempDirectory("runner-out");
        var run = ScenarioRunner.Run(FakeProxyCommand(), scenario.Path, output.Path);

        // logcompare.py rebuilds normalized.log from our raw.log + run.json: same format, same result.
        var (exitCode, text) = PythonLogcompare.RunScript("normalize", "--out", output.Path);

        Assert.True(exitCode == 0, text);
        Assert.Equal(run.Normalize(), LogFile.ReadLines(output.Combine("normalized.log")));
    }

    [PythonLogcompareFact]
    public void Run_FakeProxy_AgreesWithPythonHarnessRun()
    {
        using var scenario = WriteScenario(Config, Scenario);
        using var ours = new TempDirectory("runner-out");
        using var theirs = new TempDirectory("runner-py");

        var run = ScenarioRunner.Run(FakeProxyCommand(), scenario.Path, ours.Path);
        var (exitCode, text) = PythonLogcompare.RunScript("run", "--binary", FakeProxyCommand(), "--scenario", scenario.Path, "--out", theirs.Path);

        Assert.True(exitCode == 0, text);
        var differences = new LogComparer(new TimerTolerance(AbsoluteMs: 1000)).Compare(LogFile.ReadLines(theirs.Combine("normalized.log")), run.Normalize());
        Assert.True(differences.Count == 0, DifferenceReport.Format(differences));
    }

    [Python3Fact]
    public void Run_ProxyIgnoringSignals_IsKilledByPid()
    {
        using var scenario = WriteScenario(
            Config + "# fake: ignore-signals\n",
            """{"backends": {"BE1_PORT": {"type": "echo"}}, "steps": [], "settle_ms": 0, "stop_grace_ms": 200}""");
        using var output = new TempDirectory("runner-out");
        var clock = Stopwatch.StartNew();

        var run = ScenarioRunner.Run(FakeProxyCommand(), scenario.Path, output.Path);

        Assert.NotNull(run.Pid);
        Assert.NotNull(run.ExitCode);
        Assert.False(Directory.Exists("/proc/" + run.Pid), "the fake proxy is still running");
        Assert.Equal(
            ["SIGUSR1", "SIGTERM", "SIGTERM", "SIGKILL"],
            run.Timeline.Where(t => t.Contains("sending SIG", StringComparison.Ordinal)).Select(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2]));
        Assert.InRange(clock.Elapsed.TotalSeconds, 2.0, 10.0);
    }

    [Python3Fact]
    public void Run_WaitLogNeverSeen_RecordsStepErrorAndStillStops()
    {
        using var scenario = WriteScenario(
            Config,
            """{"backends": {"BE1_PORT": {"type": "echo"}}, "steps": [{"wait_log": "never logged", "timeout_ms": 200}], "settle_ms": 0}""");
        using var output = new TempDirectory("runner-out");

        var run = ScenarioRunner.Run(FakeProxyCommand(), scenario.Path, output.Path);

        Assert.Equal(["step 0: log line /never logged/ x1 not seen"], run.Errors);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("<132>SYSLOG_DATE PROGNAME[PID]: Proxy relay stopped (FE: 0 conns, BE: 0 conns).", run.Normalize());
    }

    [Python3Fact]
    public void Run_BackendStepsThenDurationExceeded_FollowsTheScriptAndStops()
    {
        using var scenario = WriteScenario(
            Config,
            """
            {
              "backends": {"BE1_PORT": {"type": "http"}},
              "steps": [
                {"backend": "BE1_PORT", "do": "set", "set": {"status": 503}},
                {"backend": "BE1_PORT", "do": "stop", "graceful": true},
                {"backend": "BE1_PORT", "do": "start"},
                {"sleep_ms": 300},
                {"backend": "BE1_PORT", "do": "stop"}
              ],
              "max_duration_s": 0.2, "settle_ms": 0
            }
            """);
        using var output = new TempDirectory("runner-out");

        var run = ScenarioRunner.Run(FakeProxyCommand(), scenario.Path, output.Path);

        Assert.Equal(["max_duration_s exceeded before step 4"], run.Errors);
        var steps = run.Timeline.Select(t => t[10..]).Where(t => t.StartsWith("step ", StringComparison.Ordinal) || t.StartsWith("backend ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "backend BE1_PORT listening",
                "step 0: backend BE1_PORT set",
                """backend BE1_PORT updated {"status":503}""",
                "step 1: backend BE1_PORT stop",
                "backend BE1_PORT stopped listening",
                "step 2: backend BE1_PORT start",
                "backend BE1_PORT listening",
                "step 3: sleep 300 ms",
                "backend BE1_PORT stopped",
            ],
            steps);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Run_BinaryExitsAtOnce_ReportsThatTheProxyDidNotListen()
    {
        using var scenario = WriteScenario(Config, """{"backends": {"BE1_PORT": {"type": "echo"}}, "steps": []}""");
        using var output = new TempDirectory("runner-out");
        var clock = Stopwatch.StartNew();

        var run = ScenarioRunner.Run("false", scenario.Path, output.Path);

        Assert.Equal(["proxy did not start listening on [FE_PORT] (see stderr.log)"], run.Errors);
        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Datagrams);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 10);
        Assert.EndsWith("-db -f " + output.Combine("haproxy.cfg"), string.Join(' ', run.Argv), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingBinary_IsAHarnessError()
    {
        using var scenario = WriteScenario(Config, """{"steps": []}""");
        using var output = new TempDirectory("runner-out");

        var run = ScenarioRunner.Run("/nonexistent/haproxynet-binary", scenario.Path, output.Path);

        Assert.StartsWith("could not start /nonexistent/haproxynet-binary", Assert.Single(run.Errors), StringComparison.Ordinal);
        Assert.Null(run.Pid);
    }

    [Fact]
    public void Run_ScenarioFolderWithoutFiles_Throws()
    {
        using var empty = new TempDirectory("runner-empty");

        Assert.Throws<ScenarioException>(() => ScenarioRunner.Run("false", empty.Path, empty.Combine("out")));
    }

    private static string FakeProxyCommand() =>
        $"\"{ExternalTools.Python3}\" \"{Path.Combine(AppContext.BaseDirectory, "Scenarios", "FakeProxy", "fake_proxy.py")}\"";

    private static TempDirectory WriteScenario(string config, string scenario)
    {
        var folder = new TempDirectory("runner-scenario");
        File.WriteAllText(folder.Combine("haproxy.cfg"), config);
        File.WriteAllText(folder.Combine("scenario.json"), scenario);
        return folder;
    }

    private static int IndexOfClient(IReadOnlyList<string> raw, ScenarioRun run, int clientId)
    {
        var address = run.ClientConnections.Single(c => c.ClientId == clientId).Address;
        for (var i = 0; i < raw.Count; i++)
        {
            if (raw[i].Contains(": " + address + " [", StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
