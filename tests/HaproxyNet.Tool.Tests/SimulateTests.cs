using HaproxyNet.Config.Lint;
using HaproxyNet.LogDiff;
using HaproxyNet.LogDiff.Comparison;
using HaproxyNet.LogDiff.Input;
using HaproxyNet.LogDiff.Parsing;
using HaproxyNet.Simulation;
using HaproxyNet.Testing;

namespace HaproxyNet.Tool.Tests;

public class SimulateTests
{
    /// <summary>The seed scenario's clients (8, 150 ms apart, RMI handshake, echo awaited, kept open 7 s): the README's load file.</summary>
    public static string SeedLoad => File.ReadAllText(Path.Combine(TestDataPaths.RepoRoot, "docs", "simulate", "seed-8-clients.json"));

    private static string SeedConfig => Path.Combine(TestDataPaths.Golden("seed-incident"), "haproxy.cfg");

    private static SimulationResult Simulate(params string[] sets)
    {
        using var err = new StringWriter();
        var doc = ToolConfig.Load(SeedConfig, [], sets, err);
        Assert.True(doc is not null, err.ToString());
        return SimulationRunner.Run(doc, LoadDescription.FromJson(SeedLoad));
    }

    [Fact]
    public void Simulate_SeedIncident_ReproducesGoldenLogInVirtualTime()
    {
        var result = Simulate();

        var records = SyslogRecordReader.Read(string.Join('\n', result.Lines.Select(l => l.Line)));
        var ours = OperatorLog.FromRecords("sim", records).Normalize();
        var expected = LogFile.ReadLines(Path.Combine(TestDataPaths.Golden("seed-incident"), "expected.log"));
        var differences = new LogComparer().Compare(expected, ours);
        Assert.True(differences.Count == 0, DifferenceReport.Format(differences));

        // Timers exact: the queue timeout is 'timeout connect' (5000 ms), the served sessions are held 7000 ms.
        var sessions = ours.Select(LogLineParser.Parse).Where(p => p.Kind == LogLineKind.TcpLog).ToList();
        Assert.Equal(6, sessions.Count(p => (p[LogFieldNames.TerminationState], p[LogFieldNames.Tw], p[LogFieldNames.Tc], p[LogFieldNames.Tt]) == ("sQ", "5000", "-1", "5000")));
        Assert.Equal(2, sessions.Count(p => (p[LogFieldNames.TerminationState], p[LogFieldNames.Tw], p[LogFieldNames.Tc], p[LogFieldNames.Tt]) == ("--", "0", "0", "7000")));
    }

    [Fact]
    public void Simulate_SeedIncident_WellUnderOneSecondOnceCompiled()
    {
        _ = Simulate(); // the first run in a process pays for just-in-time compilation

        var result = Simulate();

        Assert.Equal(8400, result.DurationMs); // 7 s hold from 1050 ms, 350 ms settle
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(1), result.Elapsed.ToString());
    }

    [Fact]
    public void Simulate_SeedIncident_ShowsLimitOfOneAndSixQueueCuts()
    {
        var result = Simulate();

        Assert.Equal((8, 2, 6), (result.Summary.Sessions, result.Summary.Served, result.Summary.Queued));
        Assert.Equal(new Dictionary<string, int> { ["sQ"] = 6 }, result.Summary.Cut);
        Assert.Equal(6, result.Summary.MaxBackendQueue);
        Assert.All(result.Summary.Limits, l => Assert.Equal((1, 1, 1), (l.MinLimit, l.MaxLimit, l.MaxServed)));
        Assert.Equal(6, result.Expirations.Count);
        Assert.Equal([5300L, 5450, 5600, 5750, 5900, 6050], result.Expirations.Select(e => e.AtMs)); // queued at 300..1050 ms, cut 5 s later
    }

    [Fact]
    public void Simulate_MinconnRaisedWithSet_AllEightServed()
    {
        var result = Simulate("rmi_registry/rmi1 minconn=10", "rmi_registry/rmi2 minconn=10");

        Assert.Equal((8, 8, 0), (result.Summary.Sessions, result.Summary.Served, result.Summary.Queued));
        Assert.Empty(result.Summary.Cut);
        Assert.Equal(0, result.Summary.MaxBackendQueue);
        Assert.All(result.Summary.Limits, l => Assert.Equal(10, l.MaxLimit));
    }

    [Fact]
    public void Simulate_Command_WritesPngAndSvgWithLimitLine()
    {
        using var dir = new Scratch();
        var png = Path.Combine(dir.Path, "seed.png");
        var svg = Path.Combine(dir.Path, "seed.svg");

        var run = ToolRun.Of("simulate", "-f", SeedConfig, dir.File("load.json", SeedLoad), "--png", png, "--svg", svg, "--no-log");

        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("served: 2, queued: 6, max backend queue: 6", run.Out, StringComparison.Ordinal);
        Assert.Contains("cut: 6 sQ (server-side timeout in the queue)", run.Out, StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 10_000);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        var text = File.ReadAllText(svg);
        Assert.StartsWith("<?xml", text, StringComparison.Ordinal);
        Assert.Contains("rmi1 limit (dynamic maxconn)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_ServerFailureEvent_ConnectionsRefusedAfterIt()
    {
        using var dir = new Scratch();
        var cfg = dir.File("h.cfg", """
            global
                log 127.0.0.1:514 local0
            defaults
                log global
                mode tcp
                option tcplog
                timeout connect 1s
                timeout client 5s
                timeout server 5s
            listen app
                bind 127.0.0.1:10001
                balance roundrobin
                server s1 127.0.0.1:20001
            """);
        using var err = new StringWriter();
        var doc = ToolConfig.Load(cfg, [], [], err);
        Assert.NotNull(doc);
        var load = LoadDescription.FromJson("""
            { "clients": 4, "interval_ms": 500, "send": "hi", "recv": 2, "hold_ms": 100,
              "events": [ { "at_ms": 1200, "server": "s1", "kind": "refuse" } ] }
            """);

        var result = SimulationRunner.Run(doc, load);

        Assert.Equal(4, result.Summary.Sessions);
        Assert.Equal(3, result.Summary.TerminationStates["--"]); // at 0, 500, 1000 ms
        Assert.Equal(1, result.Summary.TerminationStates["SC"]); // at 1500 ms: refused, retries exhausted
    }

    [Fact]
    public void LoadDescription_UnknownSetting_Rejected()
    {
        Assert.Throws<FormatException>(() => LoadDescription.FromJson("""{ "clients": 2, "think_ms": 30 }"""));
        Assert.Throws<FormatException>(() => LoadDescription.FromJson("""{ "servers": { "s1": { "latency": 3 } } }"""));
    }

    [Fact]
    public void Simulate_ServerResponseTime_ShowsInSessionDuration()
    {
        using var dir = new Scratch();
        var cfg = dir.File("h.cfg", """
            global
                log 127.0.0.1:514 local0
            defaults
                log global
                mode tcp
                option tcplog
                timeout connect 1s
                timeout client 5s
                timeout server 5s
            listen app
                bind 127.0.0.1:10001
                balance roundrobin
                server fast 127.0.0.1:20001
                server slow 127.0.0.1:20002
            """);
        using var err = new StringWriter();
        var doc = ToolConfig.Load(cfg, [], [], err);
        Assert.NotNull(doc);
        var load = LoadDescription.FromJson("""
            { "clients": 2, "interval_ms": 1000, "send": "ping", "recv": 4, "response_ms": 30,
              "servers": { "slow": { "kind": "echo", "response_ms": 250 } } }
            """);

        var result = SimulationRunner.Run(doc, load);

        // The client closes as soon as the echo is back: Tt is the server's response time.
        var sessions = result.Lines.Select(l => l.Message).Where(m => m.Contains(" app/", StringComparison.Ordinal)).ToList();
        Assert.Contains(sessions, m => m.Contains("app/fast 0/0/30 4 --", StringComparison.Ordinal));
        Assert.Contains(sessions, m => m.Contains("app/slow 0/0/250 4 --", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadDescription_Poisson_SeededArrivalsAtTheRate()
    {
        const string Json = """{ "clients": 2000, "arrival": "poisson", "rate_per_s": 50, "seed": 7, "hold_ms": 10 }""";
        var a = LoadDescription.FromJson(Json).Clients.Select(c => c.StartMs).ToList();
        var b = LoadDescription.FromJson(Json).Clients.Select(c => c.StartMs).ToList();

        Assert.Equal(a, b);
        Assert.Equal(0, a[0]);
        Assert.True(a.Zip(a.Skip(1)).All(p => p.First <= p.Second));
        Assert.InRange(a[^1], 36_000, 44_000); // 1999 gaps of 20 ms on average: about 40 s
    }

    [Fact]
    public void LoadDescription_FromRecordedLog_ArrivalsAndHoldTimes()
    {
        var load = LoadDescription.FromLog(SyslogRecordReader.ReadFile(Path.Combine(TestDataPaths.Golden("seed-incident"), "raw-1.4.25.log")));

        Assert.Equal([0L, 150, 300, 450, 600, 750, 900, 1050], load.Clients.Select(c => c.StartMs));
        Assert.Equal(7002, Assert.IsType<HaproxyNet.Testing.Engine.SimClientAction.HoldUntil>(load.Clients[0].Actions[^1]).Ms);
        Assert.All(load.Clients, c => Assert.Equal("rmi_registry", c.Frontend));
    }

    [Fact]
    public void ConfigText_Set_ServerKeywordAppendedProxyLineAdded()
    {
        var text = "listen a\n    bind :1\n    server s1 1.2.3.4:80 maxconn 10 # main\n\nbackend b\n    server s2 1.2.3.4:81\n";

        Assert.True(ConfigText.TryApplySet(ref text, "a/s1 minconn=10", out _));
        Assert.True(ConfigText.TryApplySet(ref text, "a timeout queue=30s", out _));
        Assert.False(ConfigText.TryApplySet(ref text, "a/s9 minconn=1", out var error));

        Assert.Contains("server s1 1.2.3.4:80 maxconn 10 minconn 10 # main\n    timeout queue 30s\n\nbackend b", text, StringComparison.Ordinal);
        Assert.Equal("no server 's9' in section 'a'", error);
    }

    [Fact]
    public void ConfigText_Placeholders_PortsAssignedOthersRefused()
    {
        var text = ConfigText.ExpandPlaceholders("bind :${FE_PORT}\nserver a 1.1.1.1:${BE1_PORT}\nx ${FE_PORT} ${HOST}", new Dictionary<string, string>(), out var errors);

        Assert.Equal("bind :10001\nserver a 1.1.1.1:20001\nx 10001 ${HOST}", text);
        Assert.Equal(["no value for ${HOST} (use --define HOST=VALUE)"], errors);
        _ = LintCodes.MissingTimeouts;
    }
}
