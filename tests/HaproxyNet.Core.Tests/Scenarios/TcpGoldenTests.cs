using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Scenarios;

/// <summary>The TCP goldens: plain relay with weighted round robin, and the log options (default format, logasap,
/// dontlognull, frontend maxconn).</summary>
public class TcpGoldenTests
{
    [Fact]
    public void TcpBasic_TwelveSequentialEchoes_MatchesRecordedLog()
    {
        var h = new EngineHarness(GoldenScenario.Global(200));
        var p = GoldenScenario.TcpListen(h, "tcp_in", GoldenScenario.FePort, ProxyOptions.TcpLog, 5000, 10000, 10000);
        h.AddServer(p, "app1", GoldenScenario.Be1Port, SimServerKind.Echo, weight: 3);
        h.AddServer(p, "app2", GoldenScenario.Be2Port, SimServerKind.Echo, weight: 1);

        var actual = GoldenScenario.Play(h, "tcp-basic");

        GoldenScenario.AssertMatches("tcp-basic", actual);
    }

    [Fact]
    public void TcpLogOptions_PlainAsapNonullFull_MatchesRecordedLog()
    {
        var h = new EngineHarness(GoldenScenario.Global(200));
        var plain = GoldenScenario.TcpListen(h, "t_plain", GoldenScenario.FePort, ProxyOptions.None, 2000, 5000, 5000);
        h.AddServer(plain, "e1", GoldenScenario.Be1Port, SimServerKind.Echo);
        var asap = GoldenScenario.TcpListen(h, "t_asap", GoldenScenario.Fe2Port, ProxyOptions.TcpLog | ProxyOptions.LogAsap, 2000, 5000, 5000);
        asap.Servers.Add(CloneServer(asap, plain.Servers[0]));
        var nonull = GoldenScenario.TcpListen(h, "t_nonull", GoldenScenario.Fe3Port, ProxyOptions.TcpLog | ProxyOptions.DontLogNull, 2000, 5000, 5000);
        nonull.Servers.Add(CloneServer(nonull, plain.Servers[0]));
        var full = GoldenScenario.TcpListen(h, "t_full", GoldenScenario.Fe4Port, ProxyOptions.TcpLog, 2000, 5000, 5000);
        full.MaxConn = 2;
        full.Servers.Add(CloneServer(full, plain.Servers[0]));

        var actual = GoldenScenario.Play(h, "tcp-log-options");

        GoldenScenario.AssertMatches("tcp-log-options", actual);
    }

    private static Server CloneServer(Proxy p, Server s) => new(p, s.Name, 1)
    {
        Address = s.Address,
        State = s.State,
        UWeight = s.UWeight,
        EWeight = s.EWeight,
    };
}
