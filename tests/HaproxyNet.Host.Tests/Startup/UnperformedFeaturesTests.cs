using System.Text;
using System.Text.RegularExpressions;
using HaproxyNet.Config;
using HaproxyNet.Config.Model;
using HaproxyNet.Host.Engine;
using HaproxyNet.Host.Output;
using HaproxyNet.Host.Platform;
using HaproxyNet.Host.Startup;
using HaproxyNet.Host.Tests.Process;
using HaproxyNet.Testing;

namespace HaproxyNet.Host.Tests.Startup;

/// <summary>
/// The start-up warning about configured features the engine does not perform yet: each row is triggered by its own
/// example and by nothing else; the mechanism is checked with a table of its own (<see cref="TestTable"/>, settings
/// HaproxyNet performs, standing in for rows to come) and the production <see cref="UnperformedFeatures.Table"/>
/// row by row, plus the features performed since they left it (a stale row fails <see cref="PerformedConfigs"/>).
/// </summary>
public sealed partial class UnperformedFeaturesTests : IDisposable
{
    /// <summary>A proxy row, a global row and an HTTP-only row: what the mechanism must handle.</summary>
    private static readonly IReadOnlyList<UnperformedFeature> TestTable =
    [
        new("option log-health-checks", "option log-health-checks", InProxy: p => p.Options.Contains("log-health-checks")),
        new("spread-checks", "spread-checks 7", InGlobal: g => g.SpreadChecks == 7),
        new("option forwardfor", "option forwardfor", InProxy: p => p.ForwardForHeader is not null, HttpOnly: true),
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("haproxynet-unperformed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> RowNames()
    {
        var data = new TheoryData<string>();
        foreach (var row in TestTable)
        {
            data.Add(row.Name);
        }

        return data;
    }

    public static TheoryData<string> HttpOnlyRowNames()
    {
        var data = new TheoryData<string>();
        foreach (var row in TestTable)
        {
            if (row.HttpOnly)
            {
                data.Add(row.Name);
            }
        }

        return data;
    }

    private static UnperformedFeature Row(string name)
    {
        foreach (var row in TestTable)
        {
            if (row.Name == name)
            {
                return row;
            }
        }

        throw new InvalidOperationException(name);
    }

    private static bool HasRow(IReadOnlyList<UnperformedFeature> table, string name)
    {
        foreach (var row in table)
        {
            if (row.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A TCP config with a listen section and a spare backend; the row's lines go into listen or global.</summary>
    private static string ConfigFor(UnperformedFeature row)
    {
        var globalLines = row.InGlobal is not null ? "    " + row.Example + "\n" : string.Empty;
        var proxyLines = row.InProxy is not null ? "    " + row.Example + "\n" : string.Empty;
        if (row.HttpOnly)
        {
            proxyLines = "    mode http\n" + proxyLines;
        }

        return "global\n    maxconn 100\n" + globalLines +
            "defaults\n    mode tcp\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n" +
            "listen px\n    bind 127.0.0.1:18080\n" + proxyLines + "    server s1 127.0.0.1:9\n" +
            "backend other\n    server o1 127.0.0.1:9\n";
    }

    private string Write(string text)
    {
        var path = Path.Combine(_dir, "haproxy.cfg");
        File.WriteAllText(path, text, Encoding.Latin1);
        return path;
    }

    private ConfigDocument Load(string text)
    {
        var sink = new CapturingSink();
        var result = ConfigLoader.Load([Write(text)], new ConfigLoadOptions(), new SystemConfigEnvironment(), sink);
        Assert.True(result.IsValid, text + "\n" + string.Join(string.Empty, sink.Messages));
        return result.Document!;
    }

    [ConfigLoaderTheory]
    [MemberData(nameof(RowNames))]
    public void Detect_RowExample_NamesExactlyThatRow(string name) => AssertNamesExactly(TestTable, Row(name));

    [ConfigLoaderFact]
    public void Detect_EveryProductionRowExample_NamesExactlyThatRow()
    {
        // Works on an empty table too (every setting 1.4.25 accepts is performed today).
        foreach (var row in UnperformedFeatures.Table)
        {
            AssertNamesExactly(UnperformedFeatures.Table, row);
        }
    }

    public static TheoryData<string> PerformedConfigs() => new()
    {
        // Rows deleted by the commits that made them work.
        "listen px\n    bind 127.0.0.1:18080\n    mode health\n",
        "listen px\n    bind 127.0.0.1:18080\n    mode http\n    http-send-name-header X-Srv\n    server s1 127.0.0.1:9\n",
    };

    [ConfigLoaderTheory]
    [MemberData(nameof(PerformedConfigs))]
    public void Describe_PerformedFeature_Null(string proxy)
    {
        var text = "defaults\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n" + proxy;

        Assert.Null(UnperformedFeatures.Describe(Load(text)));
    }

    private void AssertNamesExactly(IReadOnlyList<UnperformedFeature> table, UnperformedFeature row)
    {
        var expected = new SortedSet<string>(StringComparer.Ordinal) { row.Name };
        if (row.HttpOnly && HasRow(table, "mode http"))
        {
            expected.Add("mode http");
        }

        var found = UnperformedFeatures.Detect(Load(ConfigFor(row)), table);

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (r, places) in found)
        {
            names.Add(r.Name);
            Assert.Equal([row.InGlobal is not null && r == row ? "global" : "proxy 'px'"], places);
        }

        Assert.Equal(expected, names);
    }

    [ConfigLoaderTheory]
    [MemberData(nameof(HttpOnlyRowNames))]
    public void Detect_HttpOnlyRowInTcpProxy_NotNamed(string name)
    {
        // 1.4 ignores these outside mode http too (and -c warns): nothing for HaproxyNet to add.
        var row = Row(name);
        var config = Load(ConfigFor(row with { HttpOnly = false }));
        Assert.Empty(UnperformedFeatures.Detect(config, TestTable));
    }

    public static TheoryData<string> TcpConfigs()
    {
        var data = new TheoryData<string>();
        foreach (var sample in new[] { "tcp-demo.cfg", "seed-incident.cfg", "seed-fixed.cfg" })
        {
            data.Add(Path.Combine(TestDataPaths.Samples, sample));
        }

        foreach (var golden in new[] { "seed-incident", "seed-fixed", "tcp-basic", "tcp-log-options" })
        {
            data.Add(Path.Combine(TestDataPaths.Golden(golden), "haproxy.cfg"));
        }

        return data;
    }

    [ConfigLoaderTheory]
    [MemberData(nameof(TcpConfigs))]
    public void Describe_AllTcpConfig_Null(string file)
    {
        Assert.Null(UnperformedFeatures.Describe(Load(Placeholders(File.ReadAllText(file, Encoding.Latin1)))));
    }

    [ConfigLoaderFact]
    public void Describe_HealthChecksGolden_Null()
    {
        // mode http, use_backend, captures and checks are performed now: nothing to name.
        var text = Placeholders(File.ReadAllText(Path.Combine(TestDataPaths.Golden("health-checks"), "haproxy.cfg"), Encoding.Latin1));

        Assert.Null(UnperformedFeatures.Describe(Load(text)));
    }

    [ConfigLoaderFact]
    public void Describe_CookiePersistenceGolden_Null()
    {
        // cookie insert/prefix and capture cookie are performed now: nothing to name.
        var text = Placeholders(File.ReadAllText(Path.Combine(TestDataPaths.Golden("cookie-persistence"), "haproxy.cfg"), Encoding.Latin1));

        Assert.Null(UnperformedFeatures.Describe(Load(text)));
    }

    private static string Placeholders(string text) => PlaceholderPattern().Replace(text, "10000");

    [GeneratedRegex(@"\$\{[A-Z0-9_]+\}")]
    private static partial Regex PlaceholderPattern();

    private (int Code, string Stdout, string Stderr) Run(params string[] args) => RunWith(TestTable, args);

    private (int Code, string Stdout, string Stderr) RunWith(IReadOnlyList<UnperformedFeature> table, params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var context = new StartupContext(
            new StdStreams(stdout, stderr),
            new FixedTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), TimeSpan.Zero),
            42,
            new SystemConfigEnvironment(),
            static (EngineStartup _) => 0)
        {
            Unperformed = table,
        };
        var code = HaproxyMain.Run("haproxynet", args, context);
        return (code, Encoding.Latin1.GetString(stdout.ToArray()), Encoding.Latin1.GetString(stderr.ToArray()));
    }

    private string UnperformedConfig() => Write(ConfigFor(Row("option forwardfor")));

    [ConfigLoaderFact]
    public void Run_ConfigWithUnperformedFeature_OneWarningLineOnStderrBeforeTheEngine()
    {
        var path = UnperformedConfig();

        var (code, stdout, stderr) = Run("-db", "-f", path);

        Assert.Equal(0, code);
        Assert.Empty(stdout);
        Assert.Equal(
            "[WARNING] 059/100000 (42) : HaproxyNet accepts but does not perform yet: 'option forwardfor' (proxy 'px'). These settings are ignored.\n",
            stderr);
    }

    [ConfigLoaderTheory]
    [InlineData("-c")]
    [InlineData("-q")]
    public void Run_CheckModeOrQuiet_NoWarning(string flag)
    {
        var path = UnperformedConfig();

        var (code, stdout, stderr) = Run(flag, "-db", "-f", path);

        Assert.Equal(0, code);
        Assert.Equal(flag == "-c" ? HaproxyMain.ValidMessage : string.Empty, stdout);
        Assert.Empty(stderr);
    }

    [ConfigLoaderFact]
    public void Run_ProductionTable_SendNameHeaderConfigWithoutWarning()
    {
        var path = Write(ConfigFor(Row("option forwardfor")).Replace("option forwardfor", "http-send-name-header X-Srv", StringComparison.Ordinal));

        var (code, _, stderr) = RunWith(UnperformedFeatures.Table, "-db", "-f", path);

        Assert.Equal(0, code);
        Assert.Empty(stderr);
    }

    [ConfigLoaderFact]
    public void Run_QuietButVerbose_WarningShown()
    {
        // 1.4's Warning(): silent when quiet unless verbose.
        var (_, _, stderr) = Run("-q", "-V", "-db", "-f", UnperformedConfig());

        Assert.Contains("[WARNING] 059/100000 (42) : HaproxyNet accepts but does not perform yet: ", stderr, StringComparison.Ordinal);
    }

    [ConfigLoaderFact]
    public void Run_QuietKeywordInGlobal_NoWarning()
    {
        var path = Write(ConfigFor(Row("option forwardfor")).Replace("global\n", "global\n    quiet\n", StringComparison.Ordinal));

        // Without -d/-db: 1.4 drops the configuration's quiet (and daemon) under those flags.
        var (_, _, stderr) = Run("-f", path);

        Assert.Empty(stderr);
    }
}
