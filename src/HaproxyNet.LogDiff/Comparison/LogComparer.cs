using System.Globalization;
using System.Text;
using HaproxyNet.LogDiff.Parsing;

namespace HaproxyNet.LogDiff.Comparison;

/// <summary>
/// Field-aware comparison of two normalized logs: align them on their timer-blanked shapes, then compare the
/// aligned lines field by field (timers with a <see cref="TimerTolerance"/>, every other field exactly).
/// </summary>
/// <remarks>Port of <c>compare_logs</c>/<c>diff_fields</c> of the shared logcompare harness.</remarks>
public sealed class LogComparer
{
    public LogComparer(TimerTolerance? tolerance = null)
    {
        Tolerance = tolerance ?? TimerTolerance.Default;
    }

    public TimerTolerance Tolerance { get; }

    /// <summary>All differences, in alignment order (empty when the logs agree).</summary>
    public IReadOnlyList<LogDifference> Compare(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var parsedExpected = ParseAll(expected);
        var parsedActual = ParseAll(actual);
        var differences = new List<LogDifference>();
        foreach (var op in SequenceAligner.Align(Shapes(parsedExpected), Shapes(parsedActual)))
        {
            var pairs = Math.Min(op.ExpectedEnd - op.ExpectedStart, op.ActualEnd - op.ActualStart);
            for (var n = 0; n < pairs; n++)
            {
                int i = op.ExpectedStart + n, j = op.ActualStart + n;
                var fields = DiffFields(parsedExpected[i], parsedActual[j]);
                if (fields.Count > 0)
                {
                    differences.Add(new LogDifference(LogDifferenceKind.Changed, i + 1, j + 1, expected[i], actual[j], fields));
                }
            }

            for (var i = op.ExpectedStart + pairs; i < op.ExpectedEnd; i++)
            {
                differences.Add(new LogDifference(LogDifferenceKind.Missing, i + 1, 0, expected[i], null, []));
            }

            for (var j = op.ActualStart + pairs; j < op.ActualEnd; j++)
            {
                differences.Add(new LogDifference(LogDifferenceKind.Unexpected, 0, j + 1, null, actual[j], []));
            }
        }

        return differences;
    }

    /// <summary>The line with its timers blanked: what the alignment compares.</summary>
    public static string Shape(ParsedLogLine line)
    {
        var text = new StringBuilder(LogLineKindNames.Of(line.Kind));
        foreach (var field in line.Fields)
        {
            text.Append('|').Append(field.Name).Append('=');
            text.Append(LogFieldNames.IsTimer(field.Name) ? "T" : field.Value);
        }

        return text.ToString();
    }

    /// <summary>The differing fields of two aligned lines (empty when they agree).</summary>
    public IReadOnlyList<FieldDifference> DiffFields(ParsedLogLine expected, ParsedLogLine actual)
    {
        if (expected.Kind != actual.Kind)
        {
            return
            [
                new FieldDifference(
                    "line kind",
                    $"line kind: expected {LogLineKindNames.Of(expected.Kind)}, actual {LogLineKindNames.Of(actual.Kind)}"),
            ];
        }

        var problems = new List<FieldDifference>();
        foreach (var (name, e) in expected.Fields)
        {
            var a = actual[name];
            if (LogFieldNames.IsTimer(name))
            {
                if (a is null || !Tolerance.Matches(e, a))
                {
                    problems.Add(new FieldDifference(name, TimerMessage(name, e, a)));
                }
            }
            else if (e != a)
            {
                problems.Add(new FieldDifference(name, $"{name}: expected {PythonRepr.Of(e)}, actual {PythonRepr.Of(a)}{Explain(name, e, a)}"));
            }
        }

        foreach (var (name, a) in actual.Fields)
        {
            if (expected[name] is null)
            {
                problems.Add(new FieldDifference(name, $"{name}: unexpected field with value {PythonRepr.Of(a)}"));
            }
        }

        return problems;
    }

    private string TimerMessage(string name, string expected, string? actual)
    {
        var e = TimerTolerance.TryParseTimer(expected, out var parsed) ? parsed : 0;
        var allowed = Tolerance.AllowedMs(e).ToString("F0", CultureInfo.InvariantCulture);
        return $"{name}: expected {expected}, actual {actual ?? "None"} (tolerance {allowed} ms)";
    }

    private static string Explain(string name, string expected, string? actual)
    {
        if (string.IsNullOrEmpty(actual))
        {
            return string.Empty;
        }

        if (name == LogFieldNames.TerminationState)
        {
            return $"  [{TerminationStates.Explain(expected)}, {TerminationStates.Explain(actual)}]";
        }

        if (name == LogFieldNames.SyslogPri && IsAsciiDigits(actual) && IsAsciiDigits(expected))
        {
            return $"  [{SyslogPriority.Explain(expected)}, {SyslogPriority.Explain(actual)}]";
        }

        return string.Empty;
    }

    private static bool IsAsciiDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    private static List<ParsedLogLine> ParseAll(IReadOnlyList<string> lines)
    {
        var parsed = new List<ParsedLogLine>(lines.Count);
        foreach (var line in lines)
        {
            parsed.Add(LogLineParser.Parse(line));
        }

        return parsed;
    }

    private static List<string> Shapes(List<ParsedLogLine> lines)
    {
        var shapes = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            shapes.Add(Shape(line));
        }

        return shapes;
    }
}
