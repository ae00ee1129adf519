using HaproxyNet.LogDiff.Comparison;
using HaproxyNet.LogDiff.Normalization;
using HaproxyNet.LogDiff.Tests.Support;

namespace HaproxyNet.LogDiff.Tests.Comparison;

public class LogComparerTests
{
    private readonly LogComparer _comparer = new();

    [Theory]
    [MemberData(nameof(GoldenNames))]
    public void Compare_GoldenWithItself_HasNoDifferences(string scenario)
    {
        var expected = Goldens.Expected(scenario);

        Assert.Empty(_comparer.Compare(expected, expected));
    }

    [Fact]
    public void Compare_TimerOutOfTolerance_ReportsOnlyThatTimer()
    {
        var expected = Goldens.Expected("seed-incident");
        var actual = With(expected, 3, expected[3].Replace("5001/-1/5001", "3999/-1/5001", StringComparison.Ordinal));

        var difference = Assert.Single(_comparer.Compare(expected, actual));

        Assert.Equal(
            "expected line 4 / actual line 4:\n" +
            "  expected: " + expected[3] + "\n" +
            "  actual:   " + actual[3] + "\n" +
            "    - Tw: expected 5001, actual 3999 (tolerance 1000 ms)\n",
            difference.ToString());
    }

    [Theory]
    [InlineData("4001", true)]
    [InlineData("4000", false)]
    [InlineData("6001", true)]
    [InlineData("6002", false)]
    public void Compare_TimerAtToleranceBoundary_DiffersOnlyOutside(string tw, bool equal)
    {
        // 20 % of 5001 is 1000.2 ms: 4001..6001 are in, 4000 and 6002 are out.
        var expected = Goldens.Expected("seed-incident");
        var actual = With(expected, 3, expected[3].Replace("5001/-1/5001", tw + "/-1/5001", StringComparison.Ordinal));

        Assert.Equal(equal, _comparer.Compare(expected, actual).Count == 0);
    }

    [Fact]
    public void Compare_ChangedTerminationState_ExplainsBothStates()
    {
        var expected = Goldens.Expected("seed-incident");
        var actual = With(expected, 4, expected[4].Replace(" sQ ", " sC ", StringComparison.Ordinal));

        var difference = Assert.Single(_comparer.Compare(expected, actual));

        Assert.Equal(LogDifferenceKind.Changed, difference.Kind);
        Assert.Equal((5, 5), (difference.ExpectedLineNumber, difference.ActualLineNumber));
        var field = Assert.Single(difference.Fields);
        Assert.Equal("termination_state", field.Field);
        Assert.Equal(
            "termination_state: expected 'sQ', actual 'sC'  [sQ=server timeout/queued, sC=server timeout/connecting]",
            field.Message);
    }

    [Fact]
    public void Compare_ServerAndTimersDiffer_ListsFieldsInLineOrder()
    {
        var expected = Goldens.Expected("seed-incident");
        var actual = With(
            expected,
            3,
            "<134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c3 [ACCEPT_DATE] rmi_registry rmi_registry/rmi1 0/0/7000 7 -- 1/1/1/0/0 0/0");

        var difference = Assert.Single(_comparer.Compare(expected, actual));

        Assert.Equal(
            [
                "server: expected '<NOSRV>', actual 'rmi1'",
                "Tw: expected 5001, actual 0 (tolerance 1000 ms)",
                "Tc: expected -1, actual 0 (tolerance 100 ms)",
                "Tt: expected 5001, actual 7000 (tolerance 1000 ms)",
                "bytes_read: expected '0', actual '7'",
                "termination_state: expected 'sQ', actual '--'  [sQ=server timeout/queued, --=normal/normal]",
                "actconn: expected '7', actual '1'",
                "feconn: expected '7', actual '1'",
                "beconn: expected '7', actual '1'",
                "backend_queue: expected '1', actual '0'",
            ],
            difference.Fields.Select(f => f.Message));
    }

    [Fact]
    public void Compare_MissingLine_ReportsItAlone()
    {
        var expected = Goldens.Expected("tcp-basic");
        var actual = expected.Where((_, i) => i != 5).ToList();

        var difference = Assert.Single(_comparer.Compare(expected, actual));

        Assert.Equal("expected line 6 missing from actual:\n  " + expected[5] + "\n", difference.ToString());
    }

    [Fact]
    public void Compare_ExtraLine_ReportsItAsNotExpected()
    {
        var expected = Goldens.Expected("tcp-basic");
        var extra = "<129>SYSLOG_DATE PROGNAME[PID]: Server tcp_in/app2 is DOWN, reason: Layer4 timeout, check duration: 2001ms.";
        var actual = expected.ToList();
        actual.Insert(7, extra);

        var difference = Assert.Single(_comparer.Compare(expected, actual));

        Assert.Equal("actual line 8 not expected:\n  " + extra + "\n", difference.ToString());
    }

    [Fact]
    public void Compare_ReorderedConcurrentSessions_EqualOnceOrdered()
    {
        var expected = Goldens.Expected("seed-incident");
        var shuffled = expected.ToList();
        (shuffled[2], shuffled[7]) = (shuffled[7], shuffled[2]);
        (shuffled[1], shuffled[4]) = (shuffled[4], shuffled[1]);

        Assert.NotEmpty(_comparer.Compare(expected, shuffled));
        Assert.Empty(_comparer.Compare(expected, SessionOrdering.Order(shuffled)));
    }

    [Fact]
    public void Compare_SwappedSessionLines_ReportsAMoveAsMissingPlusUnexpected()
    {
        var expected = Goldens.Expected("tcp-basic");
        var actual = expected.ToList();
        (actual[3], actual[4]) = (actual[4], actual[3]);

        var report = _comparer.Compare(expected, actual).Select(d => d.ToString()).ToList();

        // difflib keeps the longest runs (lines 1-3, then 6-15) and matches c3 with the later copy: c4 moved up.
        Assert.Equal(
            [
                "actual line 4 not expected:\n  " + expected[4] + "\n",
                "expected line 5 missing from actual:\n  " + expected[4] + "\n",
            ],
            report);
    }

    [Fact]
    public void Compare_EventReplacedBySession_ReportsLineKind()
    {
        var expected = new[] { "<133>SYSLOG_DATE PROGNAME[PID]: Proxy tcp_in started." };
        var actual = new[] { "<134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c1 [ACCEPT_DATE] tcp_in tcp_in/app1 0/0/0 100 -- 0/0/0/0/0 0/0" };

        var difference = Assert.Single(_comparer.Compare(expected, actual));

        Assert.Equal("line kind: expected event, actual tcplog", Assert.Single(difference.Fields).Message);
    }

    [Fact]
    public void Compare_DifferentPriority_ExplainsFacilityAndLevel()
    {
        var expected = new[] { "<132>SYSLOG_DATE PROGNAME[PID]: Stopping proxy tcp_in in 0 ms." };
        var actual = new[] { "<134>SYSLOG_DATE PROGNAME[PID]: Stopping proxy tcp_in in 0 ms." };

        var difference = Assert.Single(_comparer.Compare(expected, actual));

        Assert.Equal(
            "syslog_pri: expected '132', actual '134'  [132=facility 16, warning, 134=facility 16, info]",
            Assert.Single(difference.Fields).Message);
    }

    [Fact]
    public void Compare_CheckDurationOutOfTolerance_ReportsIt()
    {
        const string Line = "<129>SYSLOG_DATE PROGNAME[PID]: Server app/s3 is DOWN, reason: Layer7 wrong status, code: 503, info: \"Service Unavailable\", check duration: {0}ms. 1 active and 0 backup servers left.";
        var expected = new[] { string.Format(System.Globalization.CultureInfo.InvariantCulture, Line, 1) };
        var near = new[] { string.Format(System.Globalization.CultureInfo.InvariantCulture, Line, 101) };
        var far = new[] { string.Format(System.Globalization.CultureInfo.InvariantCulture, Line, 102) };

        Assert.Empty(_comparer.Compare(expected, near));
        Assert.Equal(
            "check_duration: expected 1, actual 102 (tolerance 100 ms)",
            Assert.Single(Assert.Single(_comparer.Compare(expected, far)).Fields).Message);
    }

    [Theory]
    [InlineData("5", "2")]
    [InlineData("7", "4")]
    [InlineData("1", "0")]
    [InlineData("9", "4")]
    public void Compare_ToleranceOnAHalf_RoundsToEvenLikePython(string tt, string shown)
    {
        // Python formats floats with round-half-even: f"{2.5:.0f}" == "2".
        var comparer = new LogComparer(new TimerTolerance(AbsoluteMs: 0, Relative: 0.5));
        var expected = new[] { "<134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c1 [ACCEPT_DATE] f f/s 0/0/" + tt + " 7 -- 0/0/0/0/0 0/0" };
        var actual = new[] { "<134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c1 [ACCEPT_DATE] f f/s 0/0/100 7 -- 0/0/0/0/0 0/0" };

        var message = Assert.Single(Assert.Single(comparer.Compare(expected, actual)).Fields).Message;

        Assert.Equal($"Tt: expected {tt}, actual 100 (tolerance {shown} ms)", message);
    }

    [Fact]
    public void Compare_CheckDurationOnlyInActual_ReportsUnexpectedField()
    {
        var expected = new[] { "<129>SYSLOG_DATE PROGNAME[PID]: Server solo/only is DOWN. 0 active and 0 backup servers left." };
        var actual = new[] { "<129>SYSLOG_DATE PROGNAME[PID]: Server solo/only is DOWN, check duration: 3ms. 0 active and 0 backup servers left." };

        var messages = Assert.Single(_comparer.Compare(expected, actual)).Fields.Select(f => f.Message).ToList();

        Assert.Equal(
            [
                "text: expected 'Server solo/only is DOWN. 0 active and 0 backup servers left.', actual 'Server solo/only is DOWN, check duration: Nms. 0 active and 0 backup servers left.'",
                "check_duration: unexpected field with value '3'",
            ],
            messages);
    }

    [Fact]
    public void Compare_ValueWithQuote_QuotedLikePythonRepr()
    {
        var expected = new[] { "<134>SYSLOG_DATE PROGNAME[PID]: it's" };
        var actual = new[] { "<134>SYSLOG_DATE PROGNAME[PID]: it is \"x\"" };

        Assert.Equal(
            "text: expected \"it's\", actual 'it is \"x\"'",
            Assert.Single(Assert.Single(_comparer.Compare(expected, actual)).Fields).Message);
    }

    [Fact]
    public void Compare_EmptyLogs_AreEqualAndOneSidedLogsListEveryLine()
    {
        var expected = Goldens.Expected("tcp-basic");

        Assert.Empty(_comparer.Compare([], []));
        Assert.Equal(expected.Count, _comparer.Compare(expected, []).Count(d => d.Kind == LogDifferenceKind.Missing));
        Assert.Equal(expected.Count, _comparer.Compare([], expected).Count(d => d.Kind == LogDifferenceKind.Unexpected));
    }

    public static TheoryData<string> GoldenNames() => Goldens.All();

    private static List<string> With(IReadOnlyList<string> lines, int index, string replacement)
    {
        var copy = lines.ToList();
        copy[index] = replacement;
        return copy;
    }
}
