using System.Text.RegularExpressions;
using HaproxyNet.LogDiff;
using HaproxyNet.LogDiff.Parsing;
using HaproxyNet.Testing;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.EndToEnd.Tests.Scenarios;

public partial class ClientPlannerTests
{
    [GeneratedRegex(@"^\s*(?:listen|frontend)\s+(\S+)")]
    private static partial Regex SectionRegex();

    [GeneratedRegex(@"^\s*bind\s+127\.0\.0\.1:\$\{([A-Z0-9_]+)\}")]
    private static partial Regex BindRegex();

    [GeneratedRegex(@"^Connect from (\S+):c(\d+) to .* \(([^/]+)/TCP\)$")]
    private static partial Regex ConnectRegex();

    /// <summary>
    /// Client numbering must be the one the goldens were recorded with: every <c>ip:cN</c> of every expected.log is a
    /// planned client N that connects to the frontend named on the line, from the address on the line.
    /// </summary>
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
    public void PlanAll_Golden_ClientIdsMatchTheRecordedLog(string name)
    {
        var scenario = ScenarioDefinition.Load(TestDataPaths.Golden(name));
        var ports = scenario.PortNames.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => 20000 + x.i);
        var frontends = FrontendsByPort(scenario.Template);

        var plan = ClientPlanner.PlanAll(scenario, ports);

        Assert.Equal(Enumerable.Range(1, plan.Count), plan.Select(c => c.Id));
        var checkedLines = 0;
        foreach (var line in LogFile.ReadLines(Path.Combine(TestDataPaths.Golden(name), "expected.log")))
        {
            var (ip, id, frontend) = ClientOf(line);
            if (id == 0)
            {
                continue;
            }

            Assert.InRange(id, 1, plan.Count);
            var client = plan[id - 1];
            Assert.Equal(frontend, frontends[client.Port!]);
            Assert.Equal(JsonSource(client) ?? "127.0.0.1", ip);
            checkedLines++;
        }

        Assert.True(checkedLines > 0);
    }

    [Fact]
    public void Expand_SeedIncident_EightStaggeredParallelClients()
    {
        var scenario = ScenarioDefinition.Load(TestDataPaths.Golden("seed-incident"));

        var plan = ClientPlanner.PlanAll(scenario, scenario.PortNames.ToDictionary(n => n, _ => 1));

        Assert.Equal(8, plan.Count);
        Assert.All(plan, c => Assert.True(c.Concurrent));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => TimeSpan.FromMilliseconds(150 * i)), plan.Select(c => c.Offset));
        Assert.Equal("JRMI\0\u0002K", plan[0].Spec["actions"]![0]!["send"]!.GetValue<string>());
    }

    [Fact]
    public void Expand_RepeatedTemplate_RendersIndexPerClient()
    {
        var scenario = ScenarioDefinition.Load(TestDataPaths.Golden("tcp-basic"));

        var plan = ClientPlanner.PlanAll(scenario, scenario.PortNames.ToDictionary(n => n, _ => 1));

        Assert.Equal(12, plan.Count);
        Assert.All(plan, c => Assert.False(c.Concurrent));
        Assert.Equal("1200", plan[11].Spec["actions"]![0]!["send_bytes"]!.GetValue<string>());
    }

    private static string? JsonSource(PlannedClient client) =>
        client.Spec["source_ip"]?.GetValue<string>();

    private static Dictionary<string, string> FrontendsByPort(string template)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        string? section = null;
        foreach (var line in template.Split('\n'))
        {
            var header = SectionRegex().Match(line);
            if (header.Success)
            {
                section = header.Groups[1].Value;
                continue;
            }

            var bind = BindRegex().Match(line);
            if (bind.Success && section is not null)
            {
                map[bind.Groups[1].Value] = section;
            }
        }

        return map;
    }

    // (ip, id, frontend) of a session or "Connect from" line; id 0 for other lines.
    private static (string Ip, int Id, string Frontend) ClientOf(string line)
    {
        var parsed = LogLineParser.Parse(line);
        if (parsed.Kind is LogLineKind.TcpLog or LogLineKind.HttpLog)
        {
            var client = parsed["client"]!;
            var colon = client.LastIndexOf(":c", StringComparison.Ordinal);
            return (client[..colon], int.Parse(client[(colon + 2)..], System.Globalization.CultureInfo.InvariantCulture), parsed["frontend"]!);
        }

        var connect = parsed.Kind == LogLineKind.Event ? ConnectRegex().Match(parsed["text"]!) : Match.Empty;
        return connect.Success
            ? (connect.Groups[1].Value, int.Parse(connect.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), connect.Groups[3].Value)
            : (string.Empty, 0, string.Empty);
    }
}
