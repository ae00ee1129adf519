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
}
