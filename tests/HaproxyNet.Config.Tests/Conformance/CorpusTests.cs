using HaproxyNet.Config;
using HaproxyNet.Config.Environment;
using HaproxyNet.Testing;
using HaproxyNet.Testing.Config;

namespace HaproxyNet.Config.Tests.Conformance;

/// <summary>
/// The shared half of the real-world corpus: exit codes on both recorded hosts and normalised stderr,
/// with the configs whose stderr still differs listed (with a reason) in testdata/corpus-known-differences.tsv.
/// </summary>
public class CorpusTests
{
    private static readonly Lazy<Dictionary<string, string[]>> Verdicts = new(LoadVerdicts);

    private static Dictionary<string, string[]> LoadVerdicts()
    {
        var lines = File.ReadAllLines(Path.Combine(TestDataPaths.Corpus, "VERDICTS.tsv"));
        var header = lines[0].Split('\t');
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cols = line.Split('\t');
            result[cols[0]] = cols;
        }

        Assert.Equal("exit_code", header[1]);
        Assert.Equal("bare_exit_code", header[11]);
        return result;
    }

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in Verdicts.Value.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }

    internal static (int Exit, string Stderr) Run(string id, IConfigEnvironment environment)
    {
        var sink = new RecordingDiagnosticSink(string.Empty);
        var result = ConfigLoader.Load([id + ".cfg"], new ConfigLoadOptions(), environment, sink);
        return (result.ExitCode, sink.Text);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Check_FixedHost_ExitCodeMatchesRecording(string id)
    {
        var (exit, _) = Run(id, new FixedConfigEnvironment(TestDataPaths.Corpus));
        Assert.Equal(int.Parse(Verdicts.Value[id][1]), exit);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Check_BareHost_ExitCodeMatchesRecording(string id)
    {
        var (exit, _) = Run(id, new BareConfigEnvironment(TestDataPaths.Corpus));
        Assert.Equal(int.Parse(Verdicts.Value[id][11]), exit);
    }

    [Fact]
    public void Check_FixedHost_StderrDiffersOnlyForKnownConfigs()
    {
        var known = File.ReadAllLines(Path.Combine(TestDataPaths.TestData, "corpus-known-differences.tsv"))
            .Skip(1)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t')[0])
            .ToHashSet(StringComparer.Ordinal);
        var dump = System.Environment.GetEnvironmentVariable("CORPUS_DUMP_DIR");
        var differing = new List<string>();
        foreach (var id in Verdicts.Value.Keys.Order(StringComparer.Ordinal))
        {
            // diagnostics carry config bytes one char per byte (Latin-1), so compare bytes
            var expected = File.ReadAllBytes(Path.Combine(TestDataPaths.Corpus, id + ".expected-check.txt"));
            var (_, stderr) = Run(id, new FixedConfigEnvironment(TestDataPaths.Corpus));
            if (!System.Text.Encoding.Latin1.GetBytes(stderr).AsSpan().SequenceEqual(expected))
            {
                differing.Add(id);
                if (dump is not null)
                {
                    Directory.CreateDirectory(dump);
                    File.WriteAllText(Path.Combine(dump, id + ".actual"), stderr);
                }
            }
        }

        var unlisted = differing.Where(d => !known.Contains(d)).ToList();
        var stale = known.Where(k => !differing.Contains(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unlisted.Count == 0, "stderr differs but not listed: " + string.Join(' ', unlisted));
        Assert.True(stale.Count == 0, "listed but now matching: " + string.Join(' ', stale));
        Assert.True(differing.Count * 100 <= Verdicts.Value.Count * 5, $"{differing.Count} configs differ (target <= 5%)");
    }
}
