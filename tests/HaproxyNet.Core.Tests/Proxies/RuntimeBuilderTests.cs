using System.Globalization;
using HaproxyNet.Config;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Tests.Scenarios;
using HaproxyNet.Testing;
using HaproxyNet.Testing.Config;
using HaproxyNet.Testing.Engine;
using HaproxyNet.Testing.Goldens;
using ConfigDocument = HaproxyNet.Config.Model.ConfigDocument;

namespace HaproxyNet.Core.Tests.Proxies;

/// <summary>Config model to runtime, and the TCP goldens played from their own haproxy.cfg.</summary>
public partial class RuntimeBuilderTests
{
    private const int SyslogPort = 5140;

    private static ConfigDocument LoadGolden(string golden)
    {
        var text = File.ReadAllText(Path.Combine(TestDataPaths.Golden(golden), "haproxy.cfg"));
        text = text.Replace("${SYSLOG_PORT}", SyslogPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        foreach (var (name, port) in GoldenScenario.PortsFor(golden))
        {
            text = text.Replace("${" + name + "}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        var env = new InMemoryConfigEnvironment().With("haproxy.cfg", text);
        var sink = new RecordingDiagnosticSink(string.Empty);
        var result = ConfigLoader.Load(["haproxy.cfg"], new ConfigLoadOptions(), env, sink);
        Assert.True(result.IsValid, sink.Text);
        return result.Document!;
    }

    internal static EngineHarness HarnessFor(string golden, out string scenarioJson)
    {
        var doc = LoadGolden(golden);
        var h = new EngineHarness(RuntimeBuilder.BuildGlobal(doc));
        RuntimeBuilder.BuildProxies(doc, h.Loop);
        scenarioJson = File.ReadAllText(Path.Combine(TestDataPaths.Golden(golden), "scenario.json"));
        return h;
    }

    /// <summary>Every golden of testdata/golden; those listed in EXCLUDED.tsv are reported as skipped with the reason.</summary>
    public static TheoryData<string> Goldens() => [.. GoldenCatalog.All()];

    [GoldenTheory(Scope = GoldenScope.Simulation)]
    [MemberData(nameof(Goldens))]
    public void Golden_FromRecordedConfig_MatchesRecordedLog(string golden)
    {
        var ports = GoldenScenario.PortsFor(golden);
        var h = HarnessFor(golden, out var json);
        var player = new ScenarioPlayer(h, json, ports);
        Assert.True(player.AddBackends(), golden + ": the simulated network cannot script one of its backends (list it in EXCLUDED.tsv with scope sim)");
        h.Start();

        player.Play();

        GoldenScenario.AssertMatches(golden, GoldenLog.Normalize(h.Log, h.Network, GoldenScenario.PortNamesFor(ports)));
    }

    [Fact]
    public void BuildProxies_SeedConfig_CarriesConfigTimeDerivations()
    {
        var h = HarnessFor("seed-incident", out _);

        var p = Assert.Single(h.Loop.Proxies);
        Assert.Equal(ProxyCapabilities.Listen, p.Capabilities);
        Assert.Equal(ProxyMode.Tcp, p.Mode);
        Assert.True(p.Has(ProxyOptions.TcpLog));
        Assert.Equal(100, p.FullConn);
        Assert.Equal(2000, p.MaxConn);
        Assert.Equal(5000, p.Timeouts.Queue); // no timeout queue: falls back to timeout connect
        Assert.Equal(60000, p.Timeouts.Client);
        Assert.Equal(3, p.ConnRetries);
        Assert.Equal(1000, h.Global.MaxConn);
        var log = Assert.Single(p.Logs);
        Assert.Equal(16, log.Facility);
        Assert.Equal(SyslogPort, log.EndPoint!.Port);
        Assert.Equal(["rmi1", "rmi2"], p.Servers.Select(s => s.Name));
        Assert.All(p.Servers, s => Assert.Equal((1, 10), (s.MinConn, s.MaxConn)));
        Assert.All(p.Servers, s => Assert.Equal(16, s.EWeight));
        Assert.NotNull(p.Lb);
        Assert.Equal(GoldenScenario.Be1Port, p.Servers[0].Address!.Port);
        Assert.Equal(GoldenScenario.FePort, Assert.Single(p.Listeners).EndPoint.Port);
    }

    [Fact]
    public void BuildProxies_MaxconnWithoutMinconn_StaticLimit()
    {
        var text = "defaults\n  mode tcp\n  timeout connect 1s\n  timeout client 1s\n  timeout server 1s\n"
            + "frontend f\n  bind 127.0.0.1:10001\n  default_backend b\n"
            + "backend b\n  timeout queue 2s\n  server s1 127.0.0.1:20001 maxconn 5 backup\n";
        var env = new InMemoryConfigEnvironment().With("x.cfg", text);
        var result = ConfigLoader.Load(["x.cfg"], new ConfigLoadOptions(), env, new RecordingDiagnosticSink(string.Empty));
        var h = new EngineHarness(RuntimeBuilder.BuildGlobal(result.Document!));

        RuntimeBuilder.BuildProxies(result.Document!, h.Loop);

        var f = h.Loop.Proxies[0];
        var b = h.Loop.Proxies[1];
        Assert.Same(b, f.DefaultBackend);
        Assert.Equal(ProxyCapabilities.Frontend, f.Capabilities);
        Assert.Equal(2000, h.Global.MaxConn);
        Assert.Empty(b.Listeners);
        Assert.Equal(2000, b.Timeouts.Queue);
        var s = Assert.Single(b.Servers);
        Assert.Equal((5, 5), (s.MinConn, s.MaxConn));
        Assert.True(s.IsBackup);
    }
}
