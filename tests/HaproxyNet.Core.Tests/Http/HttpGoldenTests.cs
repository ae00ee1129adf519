using HaproxyNet.Core.Tests.Proxies;
using HaproxyNet.Core.Tests.Scenarios;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Http;

/// <summary>The shared HTTP goldens recorded from 1.4.25, played in virtual time from their own haproxy.cfg.</summary>
public class HttpGoldenTests
{
    [Theory]
    [InlineData("http-basic")]
    [InlineData("http-errors")]
    [InlineData("http-log-options")]
    public void Golden_FromRecordedConfig_MatchesRecordedLog(string golden)
    {
        var h = RuntimeBuilderTests.HarnessFor(golden, out var json);
        var player = new ScenarioPlayer(h, json, GoldenScenario.Ports);
        Assert.True(player.AddBackends());
        h.Start();

        player.Play();

        GoldenScenario.AssertMatches(golden, GoldenLog.Normalize(h.Log, h.Network, GoldenScenario.PortNames));
    }
}
