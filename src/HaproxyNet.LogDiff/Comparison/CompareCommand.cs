namespace HaproxyNet.LogDiff.Comparison;

/// <summary>
/// The <c>compare</c> command of the future <c>logdiff</c> tool: two normalized log files in, the report text and
/// an exit code out (0 equal, 1 different), exactly as <c>logcompare.py compare</c> prints them.
/// </summary>
public static class CompareCommand
{
    /// <summary>Compares <paramref name="expectedPath"/> with <paramref name="actualPath"/> (blank and <c>#</c> lines ignored).</summary>
    public static (int ExitCode, string Output) Run(string expectedPath, string actualPath, TimerTolerance? tolerance = null)
    {
        var differences = new LogComparer(tolerance).Compare(LogFile.ReadLines(expectedPath), LogFile.ReadLines(actualPath));
        return (differences.Count == 0 ? 0 : 1, DifferenceReport.Format(differences));
    }
}
