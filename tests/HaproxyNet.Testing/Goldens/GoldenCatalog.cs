using System.Globalization;

namespace HaproxyNet.Testing.Goldens;

/// <summary>
/// The golden scenarios of <c>testdata/golden/</c> (every folder holding a <c>scenario.json</c>) and the exclusion list
/// <c>testdata/golden/EXCLUDED.tsv</c> that keeps some of them out of a replay, each with its reason.
/// </summary>
/// <remarks>
/// EXCLUDED.tsv: one line per exclusion, <c>name TAB scope TAB reason</c>; <c>#</c> starts a comment line. The name is a
/// golden folder, or <c>test:&lt;key&gt;</c> for a test that is not a golden replay (<see cref="TestKeys"/>). Scope
/// <c>all</c> skips it everywhere; <c>sim</c> skips only the virtual-time replay (the simulated network cannot script
/// it yet, e.g. an <c>http</c> backend). Removing a line turns the replay on: the test then has to pass.
/// </remarks>
public static class GoldenCatalog
{
    /// <summary>Non-golden tests that are switched by the same list.</summary>
    public static readonly IReadOnlyList<string> TestKeys = ["test:differential"];

    private static readonly Lazy<IReadOnlyList<GoldenExclusion>> ExclusionsLazy = new(() => Parse(File.ReadAllLines(ExclusionFile)));

    /// <summary><c>testdata/golden/EXCLUDED.tsv</c>.</summary>
    public static string ExclusionFile => Path.Combine(TestDataPaths.TestData, "golden", "EXCLUDED.tsv");

    /// <summary>Every scenario folder name under testdata/golden (ordinal order).</summary>
    public static IReadOnlyList<string> All()
    {
        var root = Path.Combine(TestDataPaths.TestData, "golden");
        var names = new List<string>();
        foreach (var dir in Directory.GetDirectories(root))
        {
            if (File.Exists(Path.Combine(dir, "scenario.json")))
            {
                names.Add(Path.GetFileName(dir));
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    public static IReadOnlyList<GoldenExclusion> Exclusions => ExclusionsLazy.Value;

    /// <summary>Why <paramref name="name"/> is not replayed in <paramref name="scope"/>, or null when it is.</summary>
    public static string? ExclusionReason(string name, GoldenScope scope)
    {
        foreach (var e in Exclusions)
        {
            if (e.Name == name && (e.AllScopes || scope == GoldenScope.Simulation))
            {
                return e.Reason;
            }
        }

        return null;
    }

    /// <summary>Parses EXCLUDED.tsv text; throws <see cref="FormatException"/> on a malformed line.</summary>
    public static IReadOnlyList<GoldenExclusion> Parse(IEnumerable<string> lines)
    {
        var list = new List<GoldenExclusion>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 3 || cols[0].Length == 0 || cols[2].Trim().Length == 0 || cols[1] is not ("all" or "sim"))
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                    $"EXCLUDED.tsv line {number}: expected 'name<TAB>all|sim<TAB>reason', got '{line}'"));
            }

            list.Add(new GoldenExclusion(cols[0], cols[1] == "all", cols[2].Trim()));
        }

        return list;
    }
}

/// <summary>One line of EXCLUDED.tsv.</summary>
public sealed record GoldenExclusion(string Name, bool AllScopes, string Reason);
