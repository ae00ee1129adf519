using HaproxyNet.EndToEnd.Tests.Support;
using HaproxyNet.Testing;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.EndToEnd.Tests.Scenarios;

public class ScenarioDefinitionTests
{
    [Theory]
    [InlineData("cookie-persistence")]
    [InlineData("health-checks")]
    [InlineData("http-basic")]
    [InlineData("http-errors")]
    [InlineData("http-log-options")]
    [InlineData("lb-algorithms")]
    [InlineData("seed-fixed")]
    [InlineData("seed-incident")]
    [InlineData("slowstart-queue")]
    [InlineData("tcp-basic")]
    [InlineData("tcp-log-options")]
    public void Load_Golden_HasSyslogPortAndOnlyPortPlaceholders(string name)
    {
        var scenario = ScenarioDefinition.Load(TestDataPaths.Golden(name));

        Assert.Equal(name, scenario.Name);
        Assert.True(scenario.UsesSyslogPort);
        Assert.Contains("SYSLOG_PORT", scenario.PortNames);
        Assert.All(scenario.PortNames, n => Assert.EndsWith("_PORT", n, StringComparison.Ordinal));
        Assert.Equal(scenario.PortNames.Order(StringComparer.Ordinal), scenario.PortNames);
        Assert.NotEmpty(scenario.ListenPorts());
        Assert.NotEmpty(scenario.Steps);
    }

    [Fact]
    public void ListenPorts_SeedIncident_IsTheFrontendOnly()
    {
        var scenario = ScenarioDefinition.Load(TestDataPaths.Golden("seed-incident"));

        Assert.Equal(["BE1_PORT", "BE2_PORT", "FE_PORT", "SYSLOG_PORT"], scenario.PortNames);
        Assert.Equal(["FE_PORT"], scenario.ListenPorts());
    }

    [Fact]
    public void ListenPorts_TcpLogOptions_AreTheFourFrontends()
    {
        var scenario = ScenarioDefinition.Load(TestDataPaths.Golden("tcp-log-options"));

        Assert.Equal(["FE2_PORT", "FE3_PORT", "FE4_PORT", "FE_PORT"], scenario.ListenPorts());
    }

    [Fact]
    public void Settings_NotGiven_AreTheHarnessDefaults()
    {
        var settings = ScenarioDefinition.Load(TestDataPaths.Golden("tcp-basic")).Settings;

        Assert.Equal(new ScenarioSettings { GapMs = 50, SettleMs = 300, StopGraceMs = 3000, ClientTimeoutMs = 10000, StartupTimeoutMs = 10000, MaxDurationS = 90 }, settings);
    }

    [Fact]
    public void Load_ExplicitFrontendsAndSettings_AreUsed()
    {
        using var folder = Write("global\n    log 127.0.0.1:${SYSLOG_PORT} local0\n", """{"frontends": ["A_PORT"], "settle_ms": 5, "gap_ms": 0, "steps": []}""");

        var scenario = ScenarioDefinition.Load(folder.Path);

        Assert.Equal(["A_PORT"], scenario.ListenPorts());
        Assert.Equal(5, scenario.Settings.SettleMs);
        Assert.Equal(0, scenario.Settings.GapMs);
    }

    [Fact]
    public void Load_NonPortPlaceholder_Throws()
    {
        using var folder = Write("bind 127.0.0.1:${FRONT}\n", """{"steps": []}""");

        var error = Assert.Throws<ScenarioException>(() => ScenarioDefinition.Load(folder.Path));

        Assert.Equal("unknown placeholders [FRONT]: only *_PORT names are supported", error.Message);
    }

    [Fact]
    public void Load_BrokenJson_Throws()
    {
        using var folder = Write("x\n", "{not json");

        Assert.Throws<ScenarioException>(() => ScenarioDefinition.Load(folder.Path));
    }

    private static TempDirectory Write(string config, string json)
    {
        var folder = new TempDirectory("scenario-def");
        File.WriteAllText(folder.Combine("haproxy.cfg"), config);
        File.WriteAllText(folder.Combine("scenario.json"), json);
        return folder;
    }
}
