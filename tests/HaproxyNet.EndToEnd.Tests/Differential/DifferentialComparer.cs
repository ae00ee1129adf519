using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HaproxyNet.LogDiff.Comparison;
using HaproxyNet.LogDiff.Normalization;
using HaproxyNet.Testing.Http;

namespace HaproxyNet.EndToEnd.Tests.Differential;

/// <summary>
/// Compares two runs of the same cases: the bytes each client received (error pages, forwarded responses: status line,
/// headers and body, byte for byte), how the connection ended, what each server connection received, and the log
/// lines field by field (<see cref="LogComparer"/>, timers within the usual tolerance), attributed to cases by client id.
/// </summary>
internal static partial class DifferentialComparer
{
    /// <summary>Every case that differs, in case order, each with its reasons (timers within <paramref name="tolerance"/>, the usual one by default).</summary>
    public static IReadOnlyList<CaseMismatch> Compare(IReadOnlyList<DifferentialCase> cases, DifferentialRun expected, DifferentialRun actual, TimerTolerance? tolerance = null)
    {
        var reasons = new SortedDictionary<int, List<string>>();
        void Add(int index, string reason)
        {
            if (!reasons.TryGetValue(index, out var list))
            {
                reasons[index] = list = [];
            }

            list.Add(reason);
        }

        for (var i = 0; i < cases.Count; i++)
        {
            var e = expected.Cases[i];
            var a = actual.Cases[i];
            if (!e.ClientBytes.AsSpan().SequenceEqual(a.ClientBytes))
            {
                Add(i, "client received\n    expected: \"" + GeneratedRequest.Escape(e.ClientBytes, 600) + "\"\n    actual:   \"" + GeneratedRequest.Escape(a.ClientBytes, 600) + "\"");
            }

            if (e.ClientEnd != a.ClientEnd)
            {
                Add(i, $"client connection ended: expected {e.ClientEnd}, actual {a.ClientEnd}");
            }

            if (e.BackendBytes.Count != a.BackendBytes.Count)
            {
                Add(i, string.Create(CultureInfo.InvariantCulture, $"server connections: expected {e.BackendBytes.Count}, actual {a.BackendBytes.Count}"));
            }

            for (var k = 0; k < Math.Min(e.BackendBytes.Count, a.BackendBytes.Count); k++)
            {
                if (!e.BackendBytes[k].AsSpan().SequenceEqual(a.BackendBytes[k]))
                {
                    Add(i, string.Create(CultureInfo.InvariantCulture, $"server connection {k + 1} received\n    expected: \"")
                        + GeneratedRequest.Escape(e.BackendBytes[k], 600) + "\"\n    actual:   \"" + GeneratedRequest.Escape(a.BackendBytes[k], 600) + "\"");
                }
            }
        }

        foreach (var d in new LogComparer(tolerance).Compare(Comparable(expected.Log), Comparable(actual.Log)))
        {
            var line = d.ExpectedLine ?? d.ActualLine ?? string.Empty;
            var index = SessionOrdering.TryGetClientId(line, out var client) ? client - 1 : -1;
            Add(index, "log: " + d.ToString().TrimEnd());
        }

        var result = new List<CaseMismatch>();
        foreach (var (index, list) in reasons)
        {
            result.Add(new CaseMismatch(index, list));
        }

        return result;
    }

    /// <summary>
    /// The log as the comparer should see it. A session line whose request is long is cut by syslog's 1024-byte limit
    /// (no closing quote), at a place that moves with the width of its timers; such a line keeps its first
    /// <see cref="TruncatedPrefix"/> characters with the five timers replaced by <c>T</c>, so the rest is compared exactly.
    /// </summary>
    public static IReadOnlyList<string> Comparable(IReadOnlyList<string> log)
    {
        var result = new List<string>(log.Count);
        foreach (var line in log)
        {
            if (line.Contains("[ACCEPT_DATE]", StringComparison.Ordinal) && line.Contains(" \"", StringComparison.Ordinal) && !line.EndsWith('"'))
            {
                var blanked = Timers().Replace(line, "T/T/T/T/T", 1);
                result.Add(blanked.Length > TruncatedPrefix ? blanked[..TruncatedPrefix] : blanked);
            }
            else
            {
                result.Add(line);
            }
        }

        return result;
    }

    /// <summary>Shorter than any cut session line (1024 bytes of datagram minus the syslog header and widest fields).</summary>
    public const int TruncatedPrefix = 850;

    [GeneratedRegex(@"-?\d+/-?\d+/-?\d+/-?\d+/\+?-?\d+")]
    private static partial Regex Timers();

    /// <summary>A readable report of the first mismatches: case, frontend, payload, reasons.</summary>
    public static string Report(int seed, IReadOnlyList<DifferentialCase> cases, IReadOnlyList<CaseMismatch> mismatches, int limit = 5)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"seed {seed}: {mismatches.Count} of {cases.Count} cases differ\n");
        foreach (var m in mismatches.Take(limit))
        {
            if (m.Index < 0 || m.Index >= cases.Count)
            {
                text.Append("not attributed to a case:\n");
            }
            else
            {
                var c = cases[m.Index];
                text.Append(CultureInfo.InvariantCulture, $"case {m.Index} on {c.Frontend} [{c.Request.Label}]\n");
                text.Append("  sent: \"").Append(c.Request.Escaped(1200)).Append("\"\n");
            }

            foreach (var reason in m.Reasons)
            {
                text.Append("  ").Append(reason.Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
            }
        }

        return text.ToString();
    }
}

/// <summary>A case whose outcome differs (index -1: a log line without client id).</summary>
internal sealed record CaseMismatch(int Index, IReadOnlyList<string> Reasons);
