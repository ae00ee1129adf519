using System.Globalization;
using System.Text.Json.Nodes;
using HaproxyNet.LogDiff.Comparison;
using HaproxyNet.LogDiff.Normalization;
using HaproxyNet.LogDiff.Tests.Support;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.LogDiff.Tests.Parity;

/// <summary>
/// The same inputs through this port and through the shared Python harness (the reference): normalized lines,
/// difference reports and alignments must be identical. Inputs are the goldens plus seeded random perturbations.
/// </summary>
public class PythonParityTests
{
    private const int VariantsPerGolden = 40;

    [PythonReferenceTheory]
    [MemberData(nameof(GoldenNames))]
    public void Compare_PerturbedGolden_SameReportsAsPython(string scenario)
    {
        var expected = Goldens.Expected(scenario);
        // string.GetHashCode is randomized per process; a fixed seed keeps failures reproducible.
        var random = new Random(scenario.Aggregate(17, (h, c) => unchecked((h * 31) + c)) & 0x7fffffff);
        var variants = new List<List<string>>();
        for (var n = 0; n < VariantsPerGolden; n++)
        {
            variants.Add(Perturb(expected, random, 1 + (n % 3)));
        }

        var input = new JsonObject { ["expected"] = ToJson(expected), ["variants"] = new JsonArray(variants.Select(v => (JsonNode?)ToJson(v)).ToArray()) };
        var python = PythonLogcompare.Run(
            "print(json.dumps([lc.compare_logs(data['expected'], v) for v in data['variants']]))",
            input).AsArray();

        var comparer = new LogComparer();
        for (var n = 0; n < variants.Count; n++)
        {
            var ours = comparer.Compare(expected, variants[n]).Select(d => d.ToString()).ToList();
            var theirs = python[n]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
            Assert.True(theirs.SequenceEqual(ours), $"variant {n}:\n--- python\n{string.Join("", theirs)}\n--- ours\n{string.Join("", ours)}");
        }
    }

    [PythonReferenceTheory]
    [MemberData(nameof(GoldenNames))]
    public void Normalize_RawGoldenWithVariedRuns_SameLinesAsPython(string scenario)
    {
        var raw = Goldens.Raw(scenario);
        var baseRun = SyntheticRun.For(scenario, raw);
        var random = new Random(scenario.Length * 7919);
        var runs = new List<RunDescription> { baseRun };
        runs.Add(With(baseRun, pid: 4242));
        runs.Add(With(baseRun, shift: TimeSpan.FromHours(1)));
        runs.Add(With(baseRun, shift: TimeSpan.FromSeconds(-30)));
        runs.Add(With(baseRun, connections: baseRun.ClientConnections.Where(_ => random.Next(3) > 0).ToList()));
        runs.Add(With(baseRun, logTimes: raw.Select(_ => baseRun.StartTime.AddSeconds(random.Next(0, 20))).ToList()));
        runs.Add(With(baseRun, ports: new Dictionary<string, int>(baseRun.Ports) { ["X_PORT"] = 7, ["Y_PORT"] = 15255, ["Z_PORT"] = 2026 }));

        var input = new JsonObject { ["raw"] = ToJson(raw), ["runs"] = new JsonArray(runs.Select(r => (JsonNode?)ToJson(r)).ToArray()) };
        var python = PythonLogcompare.Run("print(json.dumps([lc.normalize(data['raw'], r) for r in data['runs']]))", input).AsArray();

        for (var n = 0; n < runs.Count; n++)
        {
            var ours = LogNormalizer.Normalize(raw, runs[n]);
            var theirs = python[n]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
            Assert.Equal(theirs, ours);
        }
    }

    [PythonReferenceFact]
    public void Align_RandomSequences_SameOpcodesAsDifflib()
    {
        var random = new Random(20261124);
        var pairs = new List<(string[] A, string[] B)>();
        for (var n = 0; n < 400; n++)
        {
            var alphabet = 2 + (n % 4);
            pairs.Add((RandomSequence(random, alphabet), RandomSequence(random, alphabet)));
        }

        var input = new JsonArray(pairs.Select(p => (JsonNode?)new JsonArray(ToJson(p.A), ToJson(p.B))).ToArray());
        var python = PythonLogcompare.Run(
            "import difflib\nprint(json.dumps([difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes() for a, b in data]))",
            new JsonObject { ["pairs"] = input }.DeepClone()["pairs"]!).AsArray();

        for (var n = 0; n < pairs.Count; n++)
        {
            var ours = SequenceAligner.Align(pairs[n].A, pairs[n].B)
                .Select(op => $"{op.Tag.ToString().ToLowerInvariant()} {op.ExpectedStart} {op.ExpectedEnd} {op.ActualStart} {op.ActualEnd}");
            var theirs = python[n]!.AsArray().Select(op => string.Join(' ', op!.AsArray().Select(x => x!.ToString())));
            Assert.Equal(theirs, ours);
        }
    }

    public static TheoryData<string> GoldenNames() => Goldens.All();

    /// <summary>Applies <paramref name="count"/> random edits: digit changes, character changes, swaps, deletions, insertions.</summary>
    private static List<string> Perturb(IReadOnlyList<string> lines, Random random, int count)
    {
        var result = lines.ToList();
        for (var k = 0; k < count && result.Count > 1; k++)
        {
            var i = random.Next(result.Count);
            switch (random.Next(6))
            {
                case 0:
                case 1:
                    result[i] = ChangeDigit(result[i], random);
                    break;
                case 2:
                    var pos = random.Next(result[i].Length);
                    result[i] = result[i][..pos] + "X'\"\\"[random.Next(4)] + result[i][(pos + 1)..];
                    break;
                case 3:
                    var j = random.Next(result.Count);
                    (result[i], result[j]) = (result[j], result[i]);
                    break;
                case 4:
                    result.RemoveAt(i);
                    break;
                default:
                    result.Insert(random.Next(result.Count + 1), result[i]);
                    break;
            }
        }

        return result;
    }

    private static string ChangeDigit(string line, Random random)
    {
        var digits = Enumerable.Range(0, line.Length).Where(p => char.IsAsciiDigit(line[p])).ToList();
        if (digits.Count == 0)
        {
            return line;
        }

        var p = digits[random.Next(digits.Count)];
        return line[..p] + (char)('0' + random.Next(10)) + line[(p + 1)..];
    }

    private static string[] RandomSequence(Random random, int alphabet) =>
        Enumerable.Range(0, random.Next(0, 25)).Select(_ => ((char)('a' + random.Next(alphabet))).ToString()).ToArray();

    private static RunDescription With(
        RunDescription run,
        int? pid = null,
        TimeSpan? shift = null,
        IReadOnlyList<ClientConnection>? connections = null,
        IReadOnlyList<DateTimeOffset>? logTimes = null,
        IReadOnlyDictionary<string, int>? ports = null) => new()
        {
            Ports = ports ?? run.Ports,
            Pid = pid ?? run.Pid,
            ProgramNames = run.ProgramNames,
            ClientConnections = connections ?? run.ClientConnections,
            LogTimes = logTimes ?? run.LogTimes,
            StartTime = run.StartTime + (shift ?? TimeSpan.Zero),
            EndTime = run.EndTime + (shift ?? TimeSpan.Zero),
        };

    private static JsonArray ToJson(IEnumerable<string> lines) => new(lines.Select(l => (JsonNode?)l).ToArray());

    private static JsonObject ToJson(RunDescription run) => new()
    {
        ["ports"] = new JsonObject(run.Ports.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        ["pid"] = run.Pid,
        ["progname"] = ToJson(run.ProgramNames),
        ["client_connections"] = new JsonArray(run.ClientConnections
            .Select(c => (JsonNode?)new JsonArray(Seconds(c.Time), c.Address, c.ClientId)).ToArray()),
        ["log_times"] = new JsonArray(run.LogTimes.Select(t => (JsonNode?)Seconds(t)).ToArray()),
        ["t_start"] = Seconds(run.StartTime),
        ["t_end"] = Seconds(run.EndTime),
    };

    private static double Seconds(DateTimeOffset time) =>
        double.Parse((time.ToUnixTimeMilliseconds() / 1000m).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
