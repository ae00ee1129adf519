using System.Globalization;
using System.Text;
using HaproxyNet.EndToEnd.Tests.Differential;
using HaproxyNet.EndToEnd.Tests.Scenarios;
using HaproxyNet.EndToEnd.Tests.Support;
using HaproxyNet.LogDiff.Comparison;
using HaproxyNet.Testing.Http;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.EndToEnd.Tests.Hostile;

/// <summary>
/// The request-smuggling / ambiguity table (<c>testdata/smuggling/cases.tsv</c>, 1.4-era CVE trigger inputs included):
/// every row through the reference 1.4.25 binary and through haproxynet (real processes on loopback, one connection
/// per row), compared byte for byte (client response, what each server connection received, how the connection
/// ended) and field by field in the logs. Rows marked <c>gap</c> are known differences (named in the row); for them
/// only "still up" is asserted. A last request after each config's rows checks the process still serves.
/// </summary>
/// <remarks>
/// <c>HAPROXYNET_SMUGGLING_TABLE=path</c> also writes the table of what each binary did (testdata/smuggling/TABLE.md
/// is made that way). Outputs of a failing run are kept under /tmp/smuggling-*.
/// </remarks>
[Trait("Category", "Differential")]
[Collection(RealTimeScenarios.Name)]
public partial class SmugglingTableTests
{
    private static readonly byte[] Sentinel = "GET /after HTTP/1.0\r\n\r\n"u8.ToArray();

    private static IReadOnlyList<string> HaproxyNet => ["dotnet", Path.Combine(AppContext.BaseDirectory, "haproxynet.dll")];

    [ReferenceBinaryFact]
    public void HaproxyNet_HostileRequests_AnswerAndLogAs1425()
    {
        Assert.True(File.Exists(HaproxyNet[1]), "haproxynet.dll not found next to the tests: " + HaproxyNet[1]);
        var rows = SmugglingCase.Load();
        Assert.True(rows.Count >= 60, "cases.tsv should hold the whole table");
        var work = new TempDirectory("smuggling");
        var failures = new StringBuilder();
        var table = new List<TableRow>();
        foreach (var config in rows.Select(r => r.Config).Distinct())
        {
            var group = rows.Where(r => r.Config == config).ToList();
            var cases = group.Select((r, i) => r.ToDifferential(i)).ToList();
            cases.Add(new DifferentialCase(cases.Count, "FE2_PORT", new GeneratedRequest(0, cases.Count, Sentinel, "sentinel")));
            var template = SmugglingCase.ConfigTemplate(config);
            var (expected, actual) = DifferentialRunner.RunPair(
                [ReferenceBinary.Path!], template, work.Combine(config + "-1.4.25"), HaproxyNet, template, work.Combine(config + "-haproxynet"), cases);
            foreach (var e in expected.Errors.Concat(actual.Errors))
            {
                failures.Append(config).Append(": harness error: ").Append(e).Append('\n');
            }

            for (var i = 0; i < group.Count; i++)
            {
                var row = group[i];
                var (reasons, tolerated) = CompareOne(expected, actual, i);
                table.Add(new TableRow(row, expected.Cases[i], actual.Cases[i], LogLine(expected.Log, i), reasons.Count > 0, tolerated));
                if (reasons.Count > 0 && row.ExpectSame)
                {
                    failures.Append(CultureInfo.InvariantCulture, $"{row.Id} ({config}, {row.Frontend}) differs from 1.4.25\n  sent: \"{GeneratedRequest.Escape(row.Payload, 400)}\"\n");
                    foreach (var reason in reasons)
                    {
                        failures.Append("  ").Append(reason.Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
                    }
                }
            }

            var after = actual.Cases[^1];
            if (!Encoding.Latin1.GetString(after.ClientBytes).StartsWith("HTTP/1.1 200 ", StringComparison.Ordinal))
            {
                failures.Append(config).Append(": haproxynet no longer serves after the hostile rows: \"")
                    .Append(GeneratedRequest.Escape(after.ClientBytes, 200)).Append("\" (").Append(after.ClientEnd).Append(")\n");
            }
        }

        if (Environment.GetEnvironmentVariable("HAPROXYNET_SMUGGLING_TABLE") is { Length: > 0 } path)
        {
            File.WriteAllText(path, SmugglingTable.Markdown(table));
        }

        work.Keep = failures.Length > 0;
        if (failures.Length > 0)
        {
            Assert.Fail(failures + "outputs kept in " + work.Path + "\n");
        }

        work.Dispose();
    }

    [Fact]
    public void CasesFile_EveryRow_DecodesAndNamesAKnownConfigAndFrontend()
    {
        var rows = SmugglingCase.Load();

        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
        foreach (var row in rows)
        {
            Assert.NotEmpty(row.Payload);
            Assert.StartsWith("FE", row.FrontendPort, StringComparison.Ordinal);
            Assert.Contains("${" + row.FrontendPort + "}", SmugglingCase.ConfigTemplate(row.Config), StringComparison.Ordinal);
            Assert.True(row.ExpectSame || row.Note.Length > 0, row.Id + ": a gap row must say why in its note");
        }

        Assert.Equal("a\r\n\x01xyxy\\"u8.ToArray(), SmugglingCase.Decode("a\\r\\n\\x01{{2*xy}}\\\\"));
    }

    /// <summary>
    /// The log's <c>srv_conn</c> is compared apart and only reported: for an http-server-close transaction whose
    /// server closes right after its response it depends on which of the two events the proxy sees first (1.4.25
    /// itself logs 1 or 0 for identical requests in one run, cve-2013-1912 row); the table says where it differed.
    /// </summary>
    private static string BlankSrvConn(string line) => TimerValues().Replace(Counters().Replace(line, "$1/$2/$3/0/$5", 1), m => TimerShape(m.Value), 1);

    /// <summary>
    /// Timers keep only whether each was set (-1 or not): the table is about answers, and the shared machine stalls
    /// either process by hundreds of milliseconds at random (a 186 ms Tr seen for 1.4.25 beside 7 ms).
    /// </summary>
    private static string TimerShape(string timers) => string.Join('/', timers.Split('/').Select(t => t.StartsWith('-') ? "-1" : t.StartsWith('+') ? "+0" : "0"));

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\] \S+ \S+ )-?\d+/-?\d+/-?\d+/-?\d+/\+?-?\d+(?= )")]
    private static partial System.Text.RegularExpressions.Regex TimerValues();

    private static string SrvConn(string line) => Counters().Match(line) is { Success: true } m ? m.Groups[4].Value : string.Empty;

    // actconn/feconn/beconn/srv_conn/retries after the termination state.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<= [-A-Za-z]{4} )(\d+)/(\d+)/(\d+)/(\d+)/(\+?\d+)")]
    private static partial System.Text.RegularExpressions.Regex Counters();

    /// <summary>Case <paramref name="i"/> alone: client bytes and end, every server connection's bytes, its own log lines.</summary>
    private static (List<string> Reasons, List<string> Tolerated) CompareOne(DifferentialRun expected, DifferentialRun actual, int i)
    {
        var reasons = new List<string>();
        var tolerated = new List<string>();
        var e = expected.Cases[i];
        var a = actual.Cases[i];
        if (!e.ClientBytes.AsSpan().SequenceEqual(a.ClientBytes))
        {
            reasons.Add("client received\n  expected: \"" + GeneratedRequest.Escape(e.ClientBytes, 600) + "\"\n  actual:   \"" + GeneratedRequest.Escape(a.ClientBytes, 600) + "\"");
        }

        if (e.ClientEnd != a.ClientEnd)
        {
            reasons.Add($"client connection ended: expected {e.ClientEnd}, actual {a.ClientEnd}");
        }

        if (e.BackendBytes.Count != a.BackendBytes.Count)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"server connections: expected {e.BackendBytes.Count}, actual {a.BackendBytes.Count}"));
        }

        for (var k = 0; k < Math.Min(e.BackendBytes.Count, a.BackendBytes.Count); k++)
        {
            if (!e.BackendBytes[k].AsSpan().SequenceEqual(a.BackendBytes[k]))
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"server connection {k + 1} received\n  expected: \"")
                    + GeneratedRequest.Escape(e.BackendBytes[k], 600) + "\"\n  actual:   \"" + GeneratedRequest.Escape(a.BackendBytes[k], 600) + "\"");
            }
        }

        var rawE = LogLine(expected.Log, i);
        var rawA = LogLine(actual.Log, i);
        var logE = DifferentialComparer.Comparable([.. rawE.Select(BlankSrvConn)]);
        var logA = DifferentialComparer.Comparable([.. rawA.Select(BlankSrvConn)]);
        foreach (var d in new LogComparer().Compare(logE, logA))
        {
            reasons.Add("log: " + d.ToString().TrimEnd());
        }

        if (!rawE.Select(SrvConn).SequenceEqual(rawA.Select(SrvConn)))
        {
            tolerated.Add("srv_conn");
        }

        return (reasons, tolerated);
    }

    /// <summary>The normalized log lines of case <paramref name="index"/> (client id index + 1).</summary>
    private static List<string> LogLine(IReadOnlyList<string> log, int index)
    {
        var lines = new List<string>();
        foreach (var line in log)
        {
            if (LogDiff.Normalization.SessionOrdering.TryGetClientId(line, out var id) && id == index + 1)
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}

/// <summary>What both binaries did with one row.</summary>
internal sealed record TableRow(SmugglingCase Case, CaseOutcome Reference, CaseOutcome HaproxyNet, IReadOnlyList<string> ReferenceLog, bool Differs, IReadOnlyList<string> Tolerated);
