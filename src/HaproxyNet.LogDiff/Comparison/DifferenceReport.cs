using System.Globalization;
using System.Text;

namespace HaproxyNet.LogDiff.Comparison;

/// <summary>Renders a list of differences as the text <c>logcompare.py compare</c> prints.</summary>
public static class DifferenceReport
{
    public const int DefaultLimit = 40;

    /// <summary>
    /// Each difference block followed by a blank line (at most <paramref name="limit"/> of them, then a
    /// <c>... N more differences</c> line), and a final verdict line: <c>DIFFERENT: N difference(s)</c> or
    /// <c>EQUAL (timers within tolerance)</c>.
    /// </summary>
    public static string Format(IReadOnlyList<LogDifference> differences, int limit = DefaultLimit)
    {
        var text = new StringBuilder();
        AppendBlocks(text, differences, limit);
        text.Append(differences.Count == 0
            ? "EQUAL (timers within tolerance)\n"
            : string.Create(CultureInfo.InvariantCulture, $"DIFFERENT: {differences.Count} difference(s)\n"));
        return text.ToString();
    }

    /// <summary>Only the difference blocks (no verdict line), as the <c>test</c> sub-command prints them.</summary>
    public static void AppendBlocks(StringBuilder text, IReadOnlyList<LogDifference> differences, int limit = DefaultLimit)
    {
        var shown = Math.Min(limit, differences.Count);
        for (var n = 0; n < shown; n++)
        {
            text.Append(differences[n].ToString()).Append('\n');
        }

        if (differences.Count > limit)
        {
            text.Append(CultureInfo.InvariantCulture, $"... {differences.Count - limit} more differences\n");
        }
    }
}
