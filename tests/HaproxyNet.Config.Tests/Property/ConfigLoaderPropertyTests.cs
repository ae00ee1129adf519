using System.Diagnostics;
using System.Globalization;
using System.Text;
using HaproxyNet.Testing;
using HaproxyNet.Testing.Config;
using Xunit.Abstractions;

namespace HaproxyNet.Config.Tests.Property;

/// <summary>
/// Property: whatever the bytes, <see cref="ConfigLoader.Load"/> never throws; it ends valid (exit 0, a
/// model) or rejected (exit 1 with at least one [ALERT]), as 1.4.25's <c>-c</c> always does; and loading
/// the same input again gives the same verdict and diagnostics.
/// </summary>
/// <remarks>
/// Inputs are corpus configurations (testdata/corpus) mutated by <see cref="ConfigMutator"/>. Environment
/// variables: HAPROXYNET_PROPERTY_SEED (replay a run), HAPROXYNET_PROPERTY_CASE (replay one case),
/// HAPROXYNET_PROPERTY_CASES (count, default 10000).
/// </remarks>
public class ConfigLoaderPropertyTests
{
    private const int DefaultCases = 10_000;
    private static readonly Mutation[] Mutations = Enum.GetValues<Mutation>();
    private static readonly int[] MaxPConnValues = [0, 1, -1, 100000, int.MaxValue];

    private readonly ITestOutputHelper _output;

    public ConfigLoaderPropertyTests(ITestOutputHelper output) => _output = output;

    [ConfigLoaderFact]
    public void Load_MutatedCorpusConfigs_NeverThrowsAndAlwaysGivesAVerdict()
    {
        var corpus = LoadCorpus();
        var seed = ReadEnv("HAPROXYNET_PROPERTY_SEED") ?? Random.Shared.Next();
        var cases = ReadEnv("HAPROXYNET_PROPERTY_CASES") ?? DefaultCases;
        var only = ReadEnv("HAPROXYNET_PROPERTY_CASE");
        _output.WriteLine($"seed={seed} cases={cases} (replay: HAPROXYNET_PROPERTY_SEED={seed})");

        var sink = new CountingSink();
        var valid = 0;
        var slowest = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        for (var index = only ?? 0; index < (only + 1 ?? cases); index++)
        {
            var input = MakeCase(seed, index, corpus);
            // The shared corpus host (users, groups, error pages, no DNS) with these files in memory.
            var environment = new InMemoryConfigEnvironment();
            foreach (var (name, bytes) in input.Files)
            {
                environment.With(name, Encoding.Latin1.GetString(bytes));
            }

            sink.Reset();
            var started = clock.Elapsed;
            ConfigLoadResult result;
            try
            {
                result = ConfigLoader.Load(input.Names, input.Options, environment, sink);
            }
            catch (Exception ex)
            {
                Assert.Fail(Report(seed, index, input, sink, "threw " + ex));
                return;
            }

            var took = clock.Elapsed - started;
            slowest = took > slowest ? took : slowest;

            // Every tenth case is loaded again: same verdict and same diagnostics, so no state leaks
            // from one load into the next (the engine will reload configurations in one process).
            if (index % 10 == 0)
            {
                var firstText = sink.Text;
                sink.Reset();
                var again = ConfigLoader.Load(input.Names, input.Options, environment, sink);
                Assert.True(again.ExitCode == result.ExitCode && sink.Text == firstText,
                    Report(seed, index, input, sink, "second load differs; first diagnostics were:\n" + firstText));
            }

            if (result.ExitCode == 0)
            {
                Assert.True(result.Document is not null, Report(seed, index, input, sink, "exit 0 without a model"));
                valid++;
            }
            else
            {
                Assert.True(result.ExitCode == 1, Report(seed, index, input, sink, "exit code " + result.ExitCode));
                Assert.True(sink.Alerts > 0, Report(seed, index, input, sink, "exit 1 without any [ALERT]"));
            }
        }

        _output.WriteLine($"{valid} valid, {(only is null ? cases : 1) - valid} rejected, {clock.Elapsed.TotalSeconds:F1} s, slowest case {slowest.TotalMilliseconds:F0} ms");
    }

    /// <summary>
    /// One case: a corpus file (sometimes two, as two -f), each mutated 1 to 4 times. Half the cases start
    /// from a file 1.4.25 accepts, so that edits also reach the post-parse checks, not only the first error.
    /// </summary>
    internal static PropertyCase MakeCase(int seed, int index, IReadOnlyList<(string Name, byte[] Bytes)> corpus)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var mutator = new ConfigMutator(random, corpus.Select(c => c.Bytes).ToArray());
        var accepted = AcceptedNames.Value;
        var fileCount = random.Next(10) == 0 ? 2 : 1;
        var files = new List<(string, byte[])>();
        var applied = new List<string>();
        for (var f = 0; f < fileCount; f++)
        {
            var (name, bytes) = corpus[random.Next(corpus.Count)];
            if (random.Next(2) == 0)
            {
                // Redraw among the accepted files (bounded: the corpus has dozens of them).
                for (var tries = 0; tries < 64 && !accepted.Contains(name); tries++)
                {
                    (name, bytes) = corpus[random.Next(corpus.Count)];
                }
            }

            var edits = random.Next(1, 5);
            for (var e = 0; e < edits; e++)
            {
                var mutation = Mutations[random.Next(Mutations.Length)];
                bytes = mutator.Apply(bytes, mutation);
                applied.Add(name + ":" + mutation);
            }

            // Two -f of the same corpus file still need two names.
            files.Add((f == 0 ? name : "second-" + name, bytes));
        }

        // Mostly plain "-c -f", sometimes with -q, -V or an unusual -N (the defaults' starting maxconn).
        var options = new ConfigLoadOptions
        {
            Quiet = random.Next(10) == 0,
            Verbose = random.Next(10) == 0,
            DefaultProxyMaxconn = random.Next(10) == 0 ? MaxPConnValues[random.Next(MaxPConnValues.Length)] : 2000,
        };
        return new PropertyCase(files, applied, options);
    }

    private static readonly Lazy<HashSet<string>> AcceptedNames = new(() =>
    {
        // VERDICTS.tsv: id, exit_code, ... as recorded from 1.4.25.
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(TestDataPaths.Corpus, "VERDICTS.tsv")).Skip(1))
        {
            var fields = line.Split('\t');
            if (fields.Length > 1 && fields[1] == "0")
            {
                names.Add(fields[0] + ".cfg");
            }
        }

        return names;
    });

    internal static List<(string Name, byte[] Bytes)> LoadCorpus()
    {
        var files = Directory.GetFiles(TestDataPaths.Corpus, "*.cfg").Order(StringComparer.Ordinal).ToArray();
        Assert.True(files.Length >= 100, "corpus configs found: " + files.Length);
        return files.Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
    }

    private static string Report(int seed, int index, PropertyCase input, CountingSink sink, string what)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"case {index} {what}\nreplay: HAPROXYNET_PROPERTY_SEED={seed} HAPROXYNET_PROPERTY_CASE={index}\n");
        sb.Append("mutations: ").AppendJoin(", ", input.Mutations).Append('\n');
        sb.Append("options: ").Append(input.Options).Append('\n');
        foreach (var (name, bytes) in input.Files)
        {
            sb.Append(CultureInfo.InvariantCulture, $"--- {name} ({bytes.Length} bytes, non-printable bytes as \\xNN)\n");
            sb.Append(Escape(bytes, 6000)).Append('\n');
        }

        sb.Append("--- diagnostics\n").Append(sink.Text);
        return sb.ToString();
    }

    private static string Escape(byte[] bytes, int limit)
    {
        var sb = new StringBuilder();
        foreach (var b in bytes.AsSpan(0, Math.Min(bytes.Length, limit)))
        {
            if (b is (byte)'\n' or (byte)'\t' || (b >= 0x20 && b < 0x7F && b != (byte)'\\'))
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{b:x2}");
            }
        }

        return bytes.Length > limit ? sb.Append("...(truncated)").ToString() : sb.ToString();
    }

    private static int? ReadEnv(string name) =>
        int.TryParse(System.Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
