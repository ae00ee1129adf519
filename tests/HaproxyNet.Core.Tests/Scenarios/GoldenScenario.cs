using System.Text.RegularExpressions;
using HaproxyNet.Core;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Scenarios;

/// <summary>Shared setup of the golden scenarios: ports, defaults of the recorded configs, play and compare.</summary>
internal static partial class GoldenScenario
{
    public const int FePort = 10001;
    public const int Fe2Port = 10002;
    public const int Fe3Port = 10003;
    public const int Fe4Port = 10004;
    public const int Be1Port = 20001;
    public const int Be2Port = 20002;
    public const int BeOkPort = 20003;
    public const int BeDeadPort = 20004;
    public const int BeSlowPort = 20005;
    public const int BeClosePort = 20006;

    public static readonly IReadOnlyDictionary<string, int> Ports = new Dictionary<string, int>
    {
        ["FE_PORT"] = FePort,
        ["FE2_PORT"] = Fe2Port,
        ["FE3_PORT"] = Fe3Port,
        ["FE4_PORT"] = Fe4Port,
        ["BE1_PORT"] = Be1Port,
        ["BE2_PORT"] = Be2Port,
        ["BE_OK_PORT"] = BeOkPort,
        ["BE_DEAD_PORT"] = BeDeadPort,
        ["BE_SLOW_PORT"] = BeSlowPort,
        ["BE_CLOSE_PORT"] = BeClosePort,
    };

    public static readonly IReadOnlyDictionary<int, string> PortNames = new Dictionary<int, string>
    {
        [FePort] = "FE_PORT",
        [Fe2Port] = "FE2_PORT",
        [Fe3Port] = "FE3_PORT",
        [Fe4Port] = "FE4_PORT",
        [Be1Port] = "BE1_PORT",
        [Be2Port] = "BE2_PORT",
        [BeOkPort] = "BE_OK_PORT",
        [BeDeadPort] = "BE_DEAD_PORT",
        [BeSlowPort] = "BE_SLOW_PORT",
        [BeClosePort] = "BE_CLOSE_PORT",
    };

    /// <summary>
    /// The ports of every <c>${NAME_PORT}</c> placeholder of <paramref name="golden"/> (config and scenario): the fixed
    /// ones of <see cref="Ports"/>, others from 30001 in name order. SYSLOG_PORT is the test's business.
    /// </summary>
    public static IReadOnlyDictionary<string, int> PortsFor(string golden)
    {
        var dir = TestDataPaths.Golden(golden);
        var text = File.ReadAllText(Path.Combine(dir, "haproxy.cfg")) + File.ReadAllText(Path.Combine(dir, "scenario.json"));
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match m in PortPlaceholder().Matches(text))
        {
            names.Add(m.Groups[1].Value);
        }

        names.Remove("SYSLOG_PORT");
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = 30001;
        foreach (var name in names)
        {
            ports[name] = Ports.TryGetValue(name, out var fixedPort) ? fixedPort : next++;
        }

        return ports;
    }

    /// <summary>The reverse of <see cref="PortsFor"/>, for the log normaliser.</summary>
    public static IReadOnlyDictionary<int, string> PortNamesFor(IReadOnlyDictionary<string, int> ports)
    {
        var names = new Dictionary<int, string>();
        foreach (var (name, port) in ports)
        {
            names[port] = name;
        }

        return names;
    }

    [GeneratedRegex(@"\$\{([A-Z0-9_]+_PORT)\}")]
    private static partial Regex PortPlaceholder();

    /// <summary>A TCP listen section with the given timeouts (queue falls back to connect, as check_config_validity does).</summary>
    public static Proxy TcpListen(EngineHarness h, string name, int port, ProxyOptions options, int connectMs, int clientMs, int serverMs)
    {
        var p = h.AddListen(name, port);
        p.Mode = ProxyMode.Tcp;
        p.Options = options;
        p.Timeouts.Connect = connectMs;
        p.Timeouts.Client = clientMs;
        p.Timeouts.Server = serverMs;
        p.Timeouts.Queue = connectMs;
        return p;
    }

    /// <summary>Plays <c>scenario.json</c> of <paramref name="golden"/> and returns the normalised log.</summary>
    public static IReadOnlyList<string> Play(EngineHarness h, string golden)
    {
        h.Start();
        var json = File.ReadAllText(Path.Combine(TestDataPaths.Golden(golden), "scenario.json"));
        new ScenarioPlayer(h, json, Ports).Play();
        return GoldenLog.Normalize(h.Log, h.Network, PortNames);
    }

    public static IReadOnlyList<string> Expected(string golden) =>
        GoldenLog.ReadExpected(Path.Combine(TestDataPaths.Golden(golden), "expected.log"));

    /// <summary>Asserts the harness rules: same lines, timers within tolerance, every other field exact.</summary>
    public static void AssertMatches(string golden, IReadOnlyList<string> actual)
    {
        var diffs = GoldenLog.Compare(Expected(golden), actual);
        Assert.True(diffs.Count == 0, string.Join("\n", diffs) + "\n--- actual ---\n" + string.Join("\n", actual));
    }

    public static GlobalSettings Global(int maxconn)
    {
        var g = new GlobalSettings { MaxConn = maxconn };
        g.Logs.Add(EngineHarness.Local0);
        return g;
    }
}
