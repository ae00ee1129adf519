using System.Text;
using HaproxyNet.Config.Acl;
using HaproxyNet.Testing;

namespace HaproxyNet.Config.Tests.Acl;

/// <summary>
/// Compares <see cref="PosixRegex"/> with verdicts recorded from glibc 2.36 <c>regcomp(REG_EXTENDED [|REG_ICASE])</c>
/// in the C locale (GlibcRegcomp/record.py): 5354 pattern/flag pairs, half rejected, each accepted one run on 24
/// inputs. HAProxy 1.4.25 uses libc regcomp, so these are the reference accept/reject and match answers.
/// </summary>
public class PosixRegexGlibcTests
{
    private static readonly string[] Inputs =
    [
        "", "a", "b", "ab", "ba", "aab", "abab", "A", "AB", "a b", "ab12", "_", "a-b", "(a)", "[a]",
        "a{1}", "a*", "-", "\\", "aaaa", "x:y", "zz", "a.b", "1",
    ];

    private static string RecordPath =>
        Path.Combine(TestDataPaths.RepoRoot, "tests", "HaproxyNet.Config.Tests", "Acl", "GlibcRegcomp", "glibc-regcomp.tsv");

    [Fact]
    public void TryCompileAndIsMatch_RecordedGlibcVerdicts_AllAgree()
    {
        var mismatches = new List<string>();
        var lines = File.ReadAllLines(RecordPath);
        foreach (var line in lines)
        {
            var fields = line.Split('\t');
            var pattern = Encoding.Latin1.GetString(Convert.FromHexString(fields[0]));
            var ignoreCase = fields[1] == "1";
            var compiled = PosixRegex.TryCompile(pattern, ignoreCase, out var regex);
            if (fields[2] == "REJECT" || !compiled)
            {
                if (compiled != (fields[2] != "REJECT"))
                {
                    mismatches.Add($"{(compiled ? "accepts" : "rejects")} '{pattern}' icase={ignoreCase}");
                }

                continue;
            }

            for (var i = 0; i < Inputs.Length; i++)
            {
                var expected = fields[2][i] == '1';
                if (regex!.IsMatch(Inputs[i]) != expected)
                {
                    mismatches.Add($"'{pattern}' icase={ignoreCase} on '{Inputs[i]}': glibc {expected}");
                }
            }
        }

        Assert.True(lines.Length > 5000, "record too short: " + lines.Length);
        Assert.Empty(mismatches);
    }

    /// <summary>
    /// reqrep-style expressions (GlibcRegcomp/record-captures.py): the expansion of <c>\0|\1|...|\9</c> must give
    /// the texts glibc's regexec captured in its 10 slots (1.4's MAX_MATCH), unset groups expanding to nothing.
    /// </summary>
    [Fact]
    public void TryReplace_RecordedGlibcCaptures_AllAgree()
    {
        var path = Path.Combine(Path.GetDirectoryName(RecordPath)!, "glibc-captures.tsv");
        var everyGroup = new PosixReplacementProbe().Replacement;
        var mismatches = new List<string>();
        var lines = File.ReadAllLines(path);
        foreach (var line in lines)
        {
            var f = line.Split(' ');
            var pattern = Encoding.Latin1.GetString(Convert.FromHexString(f[0]));
            var input = Encoding.Latin1.GetString(Convert.FromHexString(f[2]));
            Assert.True(PosixRegex.TryCompile(pattern, f[1] == "1", out var regex));
            var matched = regex.TryReplace(input, everyGroup, out var result);
            string? expected = null;
            if (f[3] != "-")
            {
                var parts = f[3].Split(';').Select(span =>
                {
                    var se = span.Split(',');
                    var so = int.Parse(se[0], System.Globalization.CultureInfo.InvariantCulture);
                    var eo = int.Parse(se[1], System.Globalization.CultureInfo.InvariantCulture);
                    return so < 0 ? string.Empty : input[so..eo];
                });
                expected = string.Join('|', parts);
            }

            if (matched != (expected is not null) || (matched && result != expected))
            {
                mismatches.Add($"'{pattern}' on '{input}': glibc '{expected}', got '{result}'");
            }
        }

        Assert.True(lines.Length >= 480, "record too short: " + lines.Length);
        Assert.Empty(mismatches);
    }

    private sealed class PosixReplacementProbe : Environment.IDiagnosticSink
    {
        public PosixReplacementProbe()
        {
            Assert.True(PosixReplacement.TryParse("\\0|\\1|\\2|\\3|\\4|\\5|\\6|\\7|\\8|\\9", this, out var replacement, out _));
            Replacement = replacement;
        }

        public PosixReplacement Replacement { get; }

        public void Alert(string text) => throw new InvalidOperationException(text);

        public void Warning(string text) => throw new InvalidOperationException(text);
    }
}
