using System.Globalization;
using System.Text;

namespace HaproxyNet.LogDiff.Comparison;

/// <summary>One entry of a difference report.</summary>
/// <param name="Kind">Changed, missing or unexpected line.</param>
/// <param name="ExpectedLineNumber">1-based line in the expected log, or 0 for an unexpected line.</param>
/// <param name="ActualLineNumber">1-based line in the actual log, or 0 for a missing line.</param>
/// <param name="ExpectedLine">The expected line, or null for an unexpected line.</param>
/// <param name="ActualLine">The actual line, or null for a missing line.</param>
/// <param name="Fields">For a changed line, the differing fields in line order; empty otherwise.</param>
public sealed record LogDifference(
    LogDifferenceKind Kind,
    int ExpectedLineNumber,
    int ActualLineNumber,
    string? ExpectedLine,
    string? ActualLine,
    IReadOnlyList<FieldDifference> Fields)
{
    /// <summary>The report block for this difference, ending with a newline, in the shared harness's wording.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        switch (Kind)
        {
            case LogDifferenceKind.Changed:
                text.Append(CultureInfo.InvariantCulture, $"expected line {ExpectedLineNumber} / actual line {ActualLineNumber}:\n");
                text.Append("  expected: ").Append(ExpectedLine).Append('\n');
                text.Append("  actual:   ").Append(ActualLine).Append('\n');
                foreach (var field in Fields)
                {
                    text.Append("    - ").Append(field.Message).Append('\n');
                }

                break;
            case LogDifferenceKind.Missing:
                text.Append(CultureInfo.InvariantCulture, $"expected line {ExpectedLineNumber} missing from actual:\n  {ExpectedLine}\n");
                break;
            default:
                text.Append(CultureInfo.InvariantCulture, $"actual line {ActualLineNumber} not expected:\n  {ActualLine}\n");
                break;
        }

        return text.ToString();
    }
}
