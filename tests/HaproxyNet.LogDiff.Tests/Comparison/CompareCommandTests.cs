using HaproxyNet.LogDiff.Comparison;
using HaproxyNet.LogDiff.Tests.Support;
using HaproxyNet.Testing;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.LogDiff.Tests.Comparison;

public sealed class CompareCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("logdiff-compare-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_SameFile_ExitsZeroAndSaysEqual()
    {
        var golden = Path.Combine(TestDataPaths.Golden("seed-incident"), "expected.log");

        Assert.Equal((0, "EQUAL (timers within tolerance)\n"), CompareCommand.Run(golden, golden));
    }

    [Fact]
    public void Run_DifferentFiles_ExitsOneWithReport()
    {
        var golden = Path.Combine(TestDataPaths.Golden("seed-incident"), "expected.log");
        var actual = Write("actual.log", File.ReadAllText(golden).Replace(" sQ 7/7/7/0/0 0/1", " sQ 7/7/7/0/0 0/2", StringComparison.Ordinal));

        var (exitCode, output) = CompareCommand.Run(golden, actual);

        Assert.Equal(1, exitCode);
        Assert.Contains("    - backend_queue: expected '1', actual '2'\n", output, StringComparison.Ordinal);
        Assert.EndsWith("\nDIFFERENT: 1 difference(s)\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_StrictTolerance_FlagsSmallTimerDrift()
    {
        var expected = Write("e.log", "<134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c1 [ACCEPT_DATE] f f/s 0/0/100 7 -- 0/0/0/0/0 0/0\n");
        var actual = Write("a.log", "# comment\n\n<134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c1 [ACCEPT_DATE] f f/s 0/0/150 7 -- 0/0/0/0/0 0/0\n");

        Assert.Equal(0, CompareCommand.Run(expected, actual).ExitCode);
        Assert.Equal(1, CompareCommand.Run(expected, actual, new TimerTolerance(AbsoluteMs: 10, Relative: 0.1)).ExitCode);
    }

    [PythonReferenceTheory]
    [InlineData("100", "0.2")]
    [InlineData("0", "0")]
    [InlineData("1000", "0.5")]
    [InlineData("0", "0.5")]
    public void Run_ManyDifferences_PrintsWhatLogcomparePyPrints(string absoluteMs, string relative)
    {
        // Two different goldens: enough differences to hit the 40-report limit.
        var expected = Path.Combine(TestDataPaths.Golden("lb-algorithms"), "expected.log");
        var actual = Path.Combine(TestDataPaths.Golden("slowstart-queue"), "expected.log");
        var tolerance = new TimerTolerance(int.Parse(absoluteMs, System.Globalization.CultureInfo.InvariantCulture), double.Parse(relative, System.Globalization.CultureInfo.InvariantCulture));

        var (exitCode, output) = CompareCommand.Run(expected, actual, tolerance);
        var python = PythonLogcompare.RunScript("compare", "--expected", expected, "--actual", actual, "--abs-tol-ms", absoluteMs, "--rel-tol", relative);

        Assert.Equal(python.ExitCode, exitCode);
        Assert.Equal(python.Output, output);
        Assert.Contains("more differences", output, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
