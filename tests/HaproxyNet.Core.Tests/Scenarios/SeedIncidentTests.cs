using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Scenarios;

/// <summary>
/// The seed incident (testdata/golden/seed-incident): minconn 1 / maxconn 10 / fullconn 100 makes the dynamic limit 1
/// per server, so 6 of 8 long clients wait in the backend queue and expire after timeout connect (5 s) with sQ.
/// </summary>
public class SeedIncidentTests
{
    private static EngineHarness Build(int minconn)
    {
        var h = new EngineHarness(GoldenScenario.Global(1000));
        var p = GoldenScenario.TcpListen(h, "rmi_registry", GoldenScenario.FePort, ProxyOptions.TcpLog, 5000, 60000, 60000);
        p.FullConn = 100;
        foreach (var (name, port) in new[] { ("rmi1", GoldenScenario.Be1Port), ("rmi2", GoldenScenario.Be2Port) })
        {
            var s = h.AddServer(p, name, port, SimServerKind.Echo);
            s.MinConn = minconn;
            s.MaxConn = 10;
        }

        return h;
    }

    [Fact]
    public void SeedIncident_EightLongClients_MatchesRecordedLog()
    {
        var h = Build(minconn: 1);

        var actual = GoldenScenario.Play(h, "seed-incident");

        GoldenScenario.AssertMatches("seed-incident", actual);
    }

    [Fact]
    public void SeedIncident_QueuedSessions_ExpireAtQueueTimeoutPlusPollRounding()
    {
        var h = Build(minconn: 1);

        var actual = GoldenScenario.Play(h, "seed-incident");

        // Virtual time is exact: 5000 ms queue timeout, +1 ms poll rounding.
        Assert.Contains(actual, l => l.Contains("rmi_registry/<NOSRV> 5001/-1/5001 0 sQ 7/7/7/0/0 0/1", StringComparison.Ordinal));
        Assert.Contains(actual, l => l.Contains("rmi_registry/<NOSRV> 5001/-1/5001 0 sQ 2/2/2/0/0 0/6", StringComparison.Ordinal));
    }

    [Fact]
    public void SeedFixed_MinconnEqualsMaxconn_AllServedAtOnce()
    {
        var h = Build(minconn: 10);

        var actual = GoldenScenario.Play(h, "seed-fixed");

        GoldenScenario.AssertMatches("seed-fixed", actual);
    }
}
