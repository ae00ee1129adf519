using HaproxyNet.LogDiff.Comparison;

namespace HaproxyNet.LogDiff.Tests.Comparison;

public class DifferenceReportTests
{
    [Fact]
    public void Format_NoDifferences_SaysEqual()
    {
        Assert.Equal("EQUAL (timers within tolerance)\n", DifferenceReport.Format([]));
    }

    [Fact]
    public void Format_TwoDifferences_BlocksSeparatedByBlankLineThenCount()
    {
        LogDifference[] differences =
        [
            new(LogDifferenceKind.Missing, 2, 0, "line two", null, []),
            new(LogDifferenceKind.Unexpected, 0, 5, null, "line five", []),
        ];

        Assert.Equal(
            "expected line 2 missing from actual:\n  line two\n\n" +
            "actual line 5 not expected:\n  line five\n\n" +
            "DIFFERENT: 2 difference(s)\n",
            DifferenceReport.Format(differences));
    }

    [Theory]
    [InlineData(3, 3, false)]
    [InlineData(4, 3, true)]
    public void Format_OverLimit_SummarisesTheRest(int count, int limit, bool summarised)
    {
        var differences = Enumerable.Range(1, count)
            .Select(i => new LogDifference(LogDifferenceKind.Missing, i, 0, "l" + i, null, []))
            .ToList();

        var text = DifferenceReport.Format(differences, limit);

        Assert.Equal(summarised, text.Contains("... 1 more differences\n", StringComparison.Ordinal));
        Assert.Equal(summarised, !text.Contains("expected line 4 ", StringComparison.Ordinal) && count == 4);
        Assert.EndsWith($"DIFFERENT: {count} difference(s)\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ChangedLine_ListsEveryFieldIndented()
    {
        var difference = new LogDifference(
            LogDifferenceKind.Changed, 4, 6, "exp", "act", [new FieldDifference("a", "a: expected '1', actual '2'"), new FieldDifference("b", "b: x")]);

        Assert.Equal(
            "expected line 4 / actual line 6:\n  expected: exp\n  actual:   act\n    - a: expected '1', actual '2'\n    - b: x\n",
            difference.ToString());
    }
}
