namespace HaproxyNet.Testing;

/// <summary>Locates the repository's <c>testdata/</c> folder (recorded 1.4.25 facts) from any test's bin folder.</summary>
public static class TestDataPaths
{
    private static readonly Lazy<string> RepoRootLazy = new(FindRepoRoot);

    /// <summary>The folder holding <c>HaproxyNet.sln</c>.</summary>
    public static string RepoRoot => RepoRootLazy.Value;

    public static string TestData => Path.Combine(RepoRoot, "testdata");

    /// <summary><c>testdata/golden/&lt;scenario&gt;</c>: haproxy.cfg, scenario.json, expected.log.</summary>
    public static string Golden(string scenario) => Path.Combine(TestData, "golden", scenario);

    /// <summary><c>testdata/config-check</c>: X.cfg and X.expected.</summary>
    public static string ConfigCheck => Path.Combine(TestData, "config-check");

    /// <summary><c>testdata/corpus</c>: NNNN.cfg, NNNN.expected-check.txt, VERDICTS.tsv.</summary>
    public static string Corpus => Path.Combine(TestData, "corpus");

    public static string Samples => Path.Combine(RepoRoot, "haproxy-cfg-samples");

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HaproxyNet.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("HaproxyNet.sln not found above " + AppContext.BaseDirectory);
    }
}
