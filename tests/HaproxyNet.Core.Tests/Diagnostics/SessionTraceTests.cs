using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Tests.Scenarios;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Diagnostics;

/// <summary>The per-session decision trace on the seed incident.</summary>
public class SessionTraceTests
{
    private static EngineHarness Seed(bool? trace)
    {
        var h = new EngineHarness(GoldenScenario.Global(1000), trace);
        var p = GoldenScenario.TcpListen(h, "rmi_registry", GoldenScenario.FePort, ProxyOptions.TcpLog, 5000, 60000, 60000);
        p.FullConn = 100;
        foreach (var (name, port) in new[] { ("rmi1", GoldenScenario.Be1Port), ("rmi2", GoldenScenario.Be2Port) })
        {
            var s = h.AddServer(p, name, port, SimServerKind.Echo);
            s.MinConn = 1;
            s.MaxConn = 10;
        }

        return h;
    }

    [Fact]
    public void Trace_SeedIncident_ExplainsWhyTheThirdSessionQueuedAndExpired()
    {
        var h = Seed(trace: true);

        GoldenScenario.Play(h, "seed-incident");

        var third = h.Trace!.Entries.Where(e => e.SessionId == 2).Select(e => e.Message).ToList();
        Assert.StartsWith("accept 127.0.0.1:40003 on rmi_registry", third[0], StringComparison.Ordinal);
        Assert.Contains("srv_dynamic_maxconn(rmi_registry/rmi1: beconn=3, fullconn=100, minconn=1, maxconn=10, warmup=none) -> 1; served=1 nbpend=0", third);
        Assert.Contains("srv_dynamic_maxconn(rmi_registry/rmi2: beconn=3, fullconn=100, minconn=1, maxconn=10, warmup=none) -> 1; served=1 nbpend=0", third);
        Assert.Contains("all servers saturated: queued on backend rmi_registry at position 1", third);
        Assert.Contains("queue timeout expired", third);
        Assert.StartsWith("close: sQ t_close=5001", third[^1], StringComparison.Ordinal);

        var expiredAt = h.Trace.Entries.Single(e => e.SessionId == 2 && e.Message == "queue timeout expired").Ms;
        var acceptedAt = h.Trace.Entries.First(e => e.SessionId == 2).Ms;
        Assert.Equal(5001, expiredAt - acceptedAt);
    }

    [Fact]
    public void Trace_FirstSession_ShowsAssignmentConnectAndClose()
    {
        var h = Seed(trace: true);

        GoldenScenario.Play(h, "seed-incident");

        var first = h.Trace!.Entries.Where(e => e.SessionId == 0).Select(e => e.Message).ToList();
        Assert.Contains("assign_server(rmi_registry, avoid=none) -> Ok rmi1", first);
        Assert.Contains("srv_dynamic_maxconn(rmi_registry/rmi1: beconn=1, fullconn=100, minconn=1, maxconn=10, warmup=none) -> 1; served=0 nbpend=0", first);
        Assert.Contains(first, m => m.StartsWith("connect attempt to rmi1 at 127.0.0.1:20001: InProgress", StringComparison.Ordinal));
        Assert.Contains("connection established", first);
        Assert.StartsWith("close: -- ", first[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_Disabled_NeverCalled()
    {
        var h = Seed(trace: false);

        GoldenScenario.Play(h, "seed-incident");

        Assert.Equal(0, h.Trace!.Calls);
        Assert.Equal(8, h.Loop.TotalConn);
    }
}
