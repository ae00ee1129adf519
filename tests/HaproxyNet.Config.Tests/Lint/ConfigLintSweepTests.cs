using HaproxyNet.Config.Lint;
using HaproxyNet.Testing;

namespace HaproxyNet.Config.Tests.Lint;

/// <summary>Every configuration 1.4 accepts in testdata: only the listed ones may produce findings.</summary>
public class ConfigLintSweepTests
{
    [Fact]
    public void Run_ConfigCheckFiles_OnlyListedOnesHaveFindings()
    {
        var withFindings = new List<string>();
        var accepted = 0;
        foreach (var path in Directory.GetFiles(TestDataPaths.ConfigCheck, "*.cfg").Order(StringComparer.Ordinal))
        {
            var doc = LintLoad.File14(TestDataPaths.ConfigCheck, Path.GetFileName(path));
            if (doc is null)
            {
                continue;
            }

            accepted++;
            foreach (var f in ConfigLint.Run(doc))
            {
                withFindings.Add($"{Path.GetFileName(path)} {f.Span.Line} {f.Code}");
            }
        }

        Assert.True(accepted >= 7, $"only {accepted} accepted configs found");
        Assert.Equal(
            [
                // fullconn 500, minconn 10 / maxconn 50 on two servers: the 21st session queues (a true positive).
                "valid-full.cfg 35 dynamic-maxconn-floor",
                "valid-full.cfg 36 dynamic-maxconn-floor",
                "valid-full.cfg 30 fullconn-above-server-capacity",
                "valid-minconn-listen-implicit-fullconn.cfg 10 dynamic-maxconn-floor",
                "valid-minconn-listen-implicit-fullconn.cfg 8 fullconn-above-server-capacity",
                "valid-minconn-listen-implicit-fullconn.cfg 8 queue-timeout-from-connect",
            ],
            withFindings);
    }

    [Fact]
    public void Run_Corpus_OnlyListedOnesHaveFindings()
    {
        var withFindings = new List<string>();
        var accepted = 0;
        foreach (var path in Directory.GetFiles(TestDataPaths.Corpus, "*.cfg").Order(StringComparer.Ordinal))
        {
            var doc = LintLoad.File14(TestDataPaths.Corpus, Path.GetFileName(path));
            if (doc is null)
            {
                continue;
            }

            accepted++;
            foreach (var f in ConfigLint.Run(doc))
            {
                withFindings.Add($"{Path.GetFileName(path)} {f.Span.Line} {f.Code}");
            }
        }

        Assert.Equal(54, accepted);
        Assert.Equal([], withFindings);
    }

    [Theory]
    [InlineData("checks-disable-on-404")]
    [InlineData("checks-httpchk-expect")]
    [InlineData("checks-observe")]
    [InlineData("checks-protocols")]
    [InlineData("checks-tcp-backup")]
    [InlineData("checks-track")]
    [InlineData("cookie-persistence")]
    [InlineData("health-checks")]
    [InlineData("http-basic")]
    [InlineData("http-errors")]
    [InlineData("http-log-options")]
    [InlineData("http-bodies")]
    [InlineData("http-conn-modes")]
    [InlineData("http-headers")]
    [InlineData("http-log-formats")]
    [InlineData("http-own-responses")]
    [InlineData("http-reqline")]
    [InlineData("http-responses")]
    [InlineData("http-timeouts-client")]
    [InlineData("http-timeouts-server")]
    [InlineData("lb-algorithms")]
    [InlineData("mode-health")]
    [InlineData("persist-appsession")]
    [InlineData("persist-cookie-modes")]
    [InlineData("persist-l7-hash")]
    [InlineData("persist-rdp-cookie")]
    [InlineData("persist-stick")]
    [InlineData("rules-send-name")]
    [InlineData("seed-fixed")]
    [InlineData("slowstart-queue")]
    [InlineData("tcp-basic")]
    [InlineData("tcp-log-options")]
    public void Run_GoldenScenarioWithoutThePitfall_ReportsNothing(string scenario)
    {
        Assert.Empty(ConfigLint.Run(LintLoad.Golden(scenario)));
    }

    [Fact]
    public void GoldenScenarios_AllListed_SeedIncidentIsTheOnlyOneWithFindings()
    {
        var dirs = Directory.GetDirectories(Path.Combine(TestDataPaths.TestData, "golden"))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList();
        var withFindings = dirs.Where(d => ConfigLint.Run(LintLoad.Golden(d!)).Count > 0).ToList();

        Assert.Equal(39, dirs.Count);
        Assert.Equal(["seed-incident"], withFindings);
    }
}
