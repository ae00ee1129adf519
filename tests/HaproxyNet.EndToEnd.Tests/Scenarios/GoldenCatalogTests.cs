using HaproxyNet.Testing;
using HaproxyNet.Testing.Goldens;

namespace HaproxyNet.EndToEnd.Tests.Scenarios;

/// <summary>The golden folders and the exclusion list that switches their replays (testdata/golden/EXCLUDED.tsv).</summary>
public class GoldenCatalogTests
{
    [Fact]
    public void ExclusionList_NamesOnlyExistingGoldens()
    {
        var goldens = GoldenCatalog.All();

        var unknown = GoldenCatalog.Exclusions
            .Where(e => !goldens.Contains(e.Name) && !GoldenCatalog.TestKeys.Contains(e.Name))
            .Select(e => e.Name)
            .ToList();

        Assert.True(unknown.Count == 0, "EXCLUDED.tsv names what does not exist: " + string.Join(", ", unknown));
    }

    [Fact]
    public void ExclusionList_NamesEachGoldenOnce()
    {
        var names = GoldenCatalog.Exclusions.Select(e => e.Name).ToList();

        Assert.Equal(names.Distinct(StringComparer.Ordinal).Count(), names.Count);
    }

    [Fact]
    public void All_EveryGolden_HasRecordedLogAndDescription()
    {
        foreach (var name in GoldenCatalog.All())
        {
            var dir = TestDataPaths.Golden(name);
            Assert.True(File.Exists(Path.Combine(dir, "haproxy.cfg")), name + ": haproxy.cfg missing");
            Assert.True(File.Exists(Path.Combine(dir, "expected.log")), name + ": expected.log missing (record it with logcompare.py record)");
            Assert.True(Directory.GetFiles(dir, "raw-*.log").Length > 0, name + ": raw-<version>.log missing");
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "scenario.json")));
            Assert.True(doc.RootElement.TryGetProperty("description", out var d) && d.GetString()!.Length > 0, name + ": no description");
        }
    }

    [Fact]
    public void All_IncludesTheSharedAndOwnGoldens()
    {
        var all = GoldenCatalog.All();

        Assert.Contains("seed-incident", all);
        Assert.Contains("http-basic", all);
        Assert.Contains("http-reqline", all);
        Assert.DoesNotContain("config-check", all);
    }

    [Fact]
    public void Parse_MalformedLine_Throws()
    {
        Assert.Throws<FormatException>(() => GoldenCatalog.Parse(["http-basic\tHTTP mode not yet"]));
        Assert.Throws<FormatException>(() => GoldenCatalog.Parse(["http-basic\teverywhere\tHTTP mode not yet"]));
        Assert.Throws<FormatException>(() => GoldenCatalog.Parse(["http-basic\tall\t "]));
    }

    [Fact]
    public void Parse_CommentsAndScopes_Read()
    {
        var list = GoldenCatalog.Parse(["# comment", string.Empty, "a\tall\twhy a", "b\tsim\twhy b"]);

        Assert.Equal([new GoldenExclusion("a", true, "why a"), new GoldenExclusion("b", false, "why b")], list);
    }

    [Fact]
    public void ExclusionReason_SimScope_OnlySkipsTheSimulation()
    {
        // Every listed golden is excluded from the simulation; only 'all' lines exclude the real process.
        foreach (var e in GoldenCatalog.Exclusions)
        {
            Assert.Equal(e.Reason, GoldenCatalog.ExclusionReason(e.Name, GoldenScope.Simulation));
            Assert.Equal(e.AllScopes ? e.Reason : null, GoldenCatalog.ExclusionReason(e.Name, GoldenScope.Process));
        }
    }
}
