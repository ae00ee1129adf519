using System.Text;
using System.Text.RegularExpressions;
using HaproxyNet.Config.Acl;
using HaproxyNet.Testing;

namespace HaproxyNet.Config.Tests.Acl;

/// <summary>
/// Replays every <c>acl</c> line and every <c>if</c>/<c>unless</c> condition of the recorded real-world corpus and
/// compares "parse failed" with whether 1.4.25 printed an ACL/condition alert on that line.
/// </summary>
public partial class AclCorpusTests
{
    private static readonly HashSet<string> ProxySections = ["frontend", "backend", "listen", "ruleset"];
    private static readonly HashSet<string> OtherSections = ["global", "defaults", "userlist"];

    [GeneratedRegex(@"^\[ALERT\] (?:DDD/HHMMSS \(PID\) : )?parsing \[(?<file>[^:\]]+):(?<line>\d+)\] ?: (?<msg>.*)$")]
    private static partial Regex AlertLine();

    public static TheoryData<string> CorpusIds() => [.. CorpusIdList()];

    public static TheoryData<string> ConfigCheckIds() => [.. IdsWithAcls(TestDataPaths.ConfigCheck)];

    private static List<string> CorpusIdList() => IdsWithAcls(TestDataPaths.Corpus);

    private static List<string> IdsWithAcls(string directory)
    {
        var data = new List<string>();
        foreach (var cfg in Directory.GetFiles(directory, "*.cfg").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(cfg);
            if (text.Contains("acl ", StringComparison.Ordinal) || text.Contains(" if ", StringComparison.Ordinal)
                || text.Contains(" unless ", StringComparison.Ordinal))
            {
                data.Add(Path.GetFileNameWithoutExtension(cfg));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusIds))]
    public void AclAndConditionLines_ParseOutcome_AgreesWith14(string id)
    {
        Assert.Empty(Replay(TestDataPaths.Corpus, ".expected-check.txt", id, out _, out _));
    }

    [Theory]
    [MemberData(nameof(ConfigCheckIds))]
    public void ConfigCheckGoldens_ParseOutcome_AgreesWith14(string id)
    {
        Assert.Empty(Replay(TestDataPaths.ConfigCheck, ".expected", id, out var compared, out _));
        Assert.NotEqual(0, compared);
    }

    [Fact]
    public void Replay_WholeCorpus_ComparesEnoughLinesBothWays()
    {
        int compared = 0, rejected = 0;
        foreach (var id in CorpusIdList())
        {
            Replay(TestDataPaths.Corpus, ".expected-check.txt", id, out var c, out var r);
            compared += c;
            rejected += r;
        }

        // Guards against a replay that silently compares nothing (counts as of the shared corpus half).
        Assert.True(compared >= 150, "compared " + compared);
        Assert.True(rejected >= 15, "rejected " + rejected);
    }

    private static List<string> Replay(string directory, string expectedSuffix, string id, out int compared, out int rejected)
    {
        compared = 0;
        rejected = 0;
        var alerts = ReadAlerts(Path.Combine(directory, id + expectedSuffix), id, out var lastParsedLine);
        var env = new AclTestEnvironment();
        var mismatches = new List<string>();
        AclTable? acls = null;
        var lineNo = 0;
        foreach (var raw in File.ReadAllLines(Path.Combine(directory, id + ".cfg"), Encoding.Latin1))
        {
            lineNo++;
            if (lineNo > lastParsedLine)
            {
                break;
            }

            var words = CorpusLexer.Split(raw);
            if (words.Count == 0)
            {
                continue;
            }

            if (ProxySections.Contains(words[0]))
            {
                acls = new AclTable();
                continue;
            }

            if (OtherSections.Contains(words[0]))
            {
                acls = null;
                continue;
            }

            if (acls is null)
            {
                continue;
            }

            alerts.TryGetValue(lineNo, out var lineAlerts);
            lineAlerts ??= [];
            var context = new AclParseContext(id + ".cfg", lineNo, env, env);
            if (words[0] == "acl" && words.Count > 1)
            {
                var ok = AclParser.TryParse(words[1], words.Skip(2).ToArray(), context, out var def);
                if (ok)
                {
                    acls.Declare(def!);
                }

                var expectedFail = lineAlerts.Any(m => m.StartsWith("error detected while parsing ACL", StringComparison.Ordinal));
                compared++;
                rejected += expectedFail ? 1 : 0;
                if (ok == expectedFail)
                {
                    mismatches.Add($"{id}:{lineNo} acl parse={ok} alerts=[{string.Join(" | ", lineAlerts)}] :: {raw.Trim()}");
                }

                continue;
            }

            var condStart = words.FindIndex(1, w => w is "if" or "unless");
            if (condStart < 0 || lineAlerts.Any(m => !IsConditionAlert(m)))
            {
                continue;
            }

            var parsed = AclConditionParser.TryParse(words, condStart, acls, context, out _);
            compared++;
            rejected += lineAlerts.Count > 0 ? 1 : 0;
            if (parsed == lineAlerts.Any(IsConditionAlert))
            {
                mismatches.Add($"{id}:{lineNo} cond parse={parsed} alerts=[{string.Join(" | ", lineAlerts)}] :: {raw.Trim()}");
            }
        }

        return mismatches;
    }

    private static bool IsConditionAlert(string message) =>
        message.Contains("condition", StringComparison.Ordinal) && !message.Contains("requires either", StringComparison.Ordinal)
        && !message.Contains("expects 'realm'", StringComparison.Ordinal)
        || message.StartsWith("error detected while parsing switching rule", StringComparison.Ordinal);

    /// <summary>
    /// Alerts by line. An abort (an "Error(s) found" summary without the final "Fatal errors" line, CONFIG.md §7)
    /// stops 1.4 at its last alert, so later lines were never parsed: <paramref name="lastParsedLine"/>.
    /// </summary>
    private static Dictionary<int, List<string>> ReadAlerts(string expectedPath, string id, out int lastParsedLine)
    {
        var result = new Dictionary<int, List<string>>();
        var lines = File.ReadAllLines(expectedPath);
        var aborted = lines.Any(l => l.Contains("Error(s) found in configuration file", StringComparison.Ordinal))
            && !lines.Any(l => l.Contains("Fatal errors found in configuration.", StringComparison.Ordinal));
        lastParsedLine = int.MaxValue;
        foreach (var line in lines)
        {
            var m = AlertLine().Match(line);
            if (!m.Success || m.Groups["file"].Value != id + ".cfg")
            {
                continue;
            }

            var n = int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!result.TryGetValue(n, out var list))
            {
                result[n] = list = [];
            }

            list.Add(m.Groups["msg"].Value);
        }

        if (aborted && result.Count > 0)
        {
            lastParsedLine = result.Keys.Max();
        }

        return result;
    }
}
