using System.Globalization;
using HaproxyNet.Config;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing;
using HaproxyNet.Testing.Config;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Checks;

/// <summary>
/// The mode tcp check goldens recorded from 1.4.25, replayed in virtual time from their own haproxy.cfg: health checks,
/// backups, tracking and observe run on the simulated network, stop/start steps flip the scripted backends.
/// </summary>
public class CheckGoldenTests
{
    private static readonly Dictionary<string, int> Ports = new()
    {
        ["FE_PORT"] = 10001,
        ["FE2_PORT"] = 10002,
        ["BE1_PORT"] = 20001,
        ["BE2_PORT"] = 20002,
        ["BE3_PORT"] = 20003,
        ["BE4_PORT"] = 20004,
        ["BE_REFUSE_PORT"] = 20005,
        ["BE_ECHO_PORT"] = 20006,
    };

    [Theory]
    [InlineData("checks-tcp-backup")]
    [InlineData("checks-track")]
    [InlineData("checks-observe")]
    public void Golden_FromRecordedConfig_MatchesRecordedLog(string golden)
    {
        var doc = Load(golden);
        var h = new EngineHarness(RuntimeBuilder.BuildGlobal(doc));
        RuntimeBuilder.BuildProxies(doc, h.Loop);
        var json = File.ReadAllText(Path.Combine(TestDataPaths.Golden(golden), "scenario.json"));
        var player = new ScenarioPlayer(h, json, Ports);
        Assert.True(player.AddBackends());
        h.Start();

        try
        {
            player.Play();
        }
        catch (TimeoutException e)
        {
            Assert.Fail(e.Message + "\n--- log so far ---\n" + string.Join("\n", h.Log.Messages));
        }

        var names = Ports.ToDictionary(kv => kv.Value, kv => kv.Key);
        var actual = GoldenLog.Normalize(h.Log, h.Network, names);
        var expected = GoldenLog.ReadExpected(Path.Combine(TestDataPaths.Golden(golden), "expected.log"));
        var diffs = GoldenLog.Compare(expected, actual);
        Assert.True(diffs.Count == 0, string.Join("\n", diffs) + "\n--- actual ---\n" + string.Join("\n", actual));
    }

    private static HaproxyNet.Config.Model.ConfigDocument Load(string golden)
    {
        var text = File.ReadAllText(Path.Combine(TestDataPaths.Golden(golden), "haproxy.cfg"));
        text = text.Replace("${SYSLOG_PORT}", "5140", StringComparison.Ordinal);
        foreach (var (name, port) in Ports)
        {
            text = text.Replace("${" + name + "}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        var env = new InMemoryConfigEnvironment().With("haproxy.cfg", text);
        var sink = new RecordingDiagnosticSink(string.Empty);
        var result = ConfigLoader.Load(["haproxy.cfg"], new ConfigLoadOptions(), env, sink);
        Assert.True(result.IsValid, sink.Text);
        return result.Document!;
    }
}
