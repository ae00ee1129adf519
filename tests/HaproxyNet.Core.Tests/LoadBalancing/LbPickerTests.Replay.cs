using System.Text;
using System.Text.RegularExpressions;
using HaproxyNet.Core.LoadBalancing;
using HaproxyNet.Testing;
using static HaproxyNet.Core.Tests.LoadBalancing.LbTestBackend;

namespace HaproxyNet.Core.Tests.LoadBalancing;

/// <summary>
/// Replays recorded goldens whose requests are sequential: server UP/DOWN events are applied to the balancer in log
/// order, and each request the LB had to place (no valid persistence cookie) must land where 1.4.25 sent it.
/// </summary>
public partial class LbPickerTests
{
    [Theory]
    [InlineData("health-checks", "app", 8)]
    [InlineData("health-checks", "solo", 2)]
    [InlineData("http-basic", "app", 11)]
    [InlineData("cookie-persistence", "be_insert", 4)]
    [InlineData("cookie-persistence", "be_prefix", 4)]
    [InlineData("slowstart-queue", "be_hash", 4)]
    public void PickServer_RecordedScenario_SameServersAsHaproxy(string scenario, string backend, int lbDecisions)
    {
        var cfg = File.ReadAllText(Path.Combine(TestDataPaths.Golden(scenario), "haproxy.cfg"));
        var (px, lb) = BuildFromConfig(cfg, backend);
        var decisions = 0;
        foreach (var line in File.ReadLines(Path.Combine(TestDataPaths.Golden(scenario), "expected.log")))
        {
            var ev = ServerEvent().Match(line);
            if (ev.Success && ev.Groups["be"].Value == backend)
            {
                var s = Srv(px, ev.Groups["srv"].Value);
                if (ev.Groups["state"].Value == "DOWN")
                {
                    SetDown(lb, s);
                }
                else
                {
                    SetUp(lb, s);
                }

                continue;
            }

            var req = RequestLine().Match(line);
            if (!req.Success || req.Groups["be"].Value != backend)
            {
                continue;
            }

            var flags = req.Groups["flags"].Value;
            if (flags[2] == 'V')
            {
                continue; // valid persistence cookie: assigned before LB
            }

            decisions++;
            var expected = req.Groups["srv"].Value;
            var request = new LbRequest { Uri = Encoding.ASCII.GetBytes(req.Groups["uri"].Value) };
            if (expected == "<NOSRV>")
            {
                Assert.StartsWith("SC", flags, StringComparison.Ordinal);
                Assert.Equal(0, lb.TotWeight);
                continue;
            }

            var picked = LbPicker.PickServer(lb, request, null, 0);
            Assert.True(expected == picked?.Name, $"{scenario} {line}: got {picked?.Name}");
            if (flags[0] == '-')
            {
                Take(lb, picked!);
                Release(lb, picked!);
            }
        }

        Assert.Equal(lbDecisions, decisions);
    }

    /// <summary>The balance line and servers (name, weight) of <paramref name="backend"/> in a golden config.</summary>
    private static (HaproxyNet.Core.Proxies.Proxy, ILoadBalancer) BuildFromConfig(string cfg, string backend)
    {
        var settings = Algo(LbAlgorithm.RoundRobin);
        var servers = new List<string>();
        var inside = false;
        foreach (var raw in cfg.Split('\n'))
        {
            var words = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || words[0].StartsWith('#'))
            {
                continue;
            }

            if (words[0] is "backend" or "frontend" or "listen" or "defaults" or "global")
            {
                inside = words[0] == "backend" && words.Length > 1 && words[1] == backend;
                continue;
            }

            if (!inside)
            {
                continue;
            }

            if (words[0] == "balance")
            {
                settings = Algo(words[1] switch
                {
                    "uri" => LbAlgorithm.Uri,
                    "static-rr" => LbAlgorithm.StaticRoundRobin,
                    "leastconn" => LbAlgorithm.LeastConn,
                    "source" => LbAlgorithm.Source,
                    _ => LbAlgorithm.RoundRobin,
                });
            }
            else if (words[0] == "server")
            {
                var w = Array.IndexOf(words, "weight");
                servers.Add(words[1] + ":" + (w > 0 ? words[w + 1] : "1"));
            }
        }

        return Create(settings, [.. servers]);
    }

    [GeneratedRegex("""Server (?<be>[^/ ]+)/(?<srv>\S+) is (?<state>UP|DOWN)""")]
    private static partial Regex ServerEvent();

    [GeneratedRegex("""\[ACCEPT_DATE\] \S+ (?<be>[^/ ]+)/(?<srv>\S+) .* (?<flags>[-A-Za-z]{4}) \d+/\d+/\d+/\d+/\d+ \d+/\d+ .*"\S+ (?<uri>\S+) HTTP/1\.[01]"$""")]
    private static partial Regex RequestLine();
}
