using HaproxyNet.LogDiff.Input;
using HaproxyNet.Testing;
using HaproxyNet.Tool.Stats;

namespace HaproxyNet.Tool.Tests;

/// <summary>Figures counted by hand from the recorded 1.4.25 logs (testdata/golden/*/raw-1.4.25.log).</summary>
public class LogStatTests
{
    private static LogStatistics Stats(string golden) =>
        LogStatistics.From(SyslogRecordReader.ReadFile(Path.Combine(TestDataPaths.Golden(golden), "raw-1.4.25.log")));

    [Fact]
    public void LogStat_SeedIncident_SixQueuedCutsAndTwoServed()
    {
        var s = Stats("seed-incident");

        Assert.Equal((11, 8, 0, 3), (s.Lines, s.TcpSessions, s.HttpSessions, s.OtherLines));
        Assert.Equal(6, s.Errors);
        Assert.Equal(6, s.Queued);
        Assert.Equal(8, s.QueueTimes.Count);
        Assert.Equal(30004.0 / 8, s.AvgQueueTime, 3);
        Assert.Equal(5000, s.QueuePercentile(50));
        Assert.Equal(5001, s.QueueTimes[^1]);
        Assert.Equal(6, s.MaxBackendQueue);
        Assert.Equal(0, s.MaxServerQueue);
        Assert.Equal(["rmi_registry/<NOSRV>", "rmi_registry/rmi1", "rmi_registry/rmi2"], s.Servers.Keys);
        var nosrv = s.Servers["rmi_registry/<NOSRV>"];
        Assert.Equal((6, 6, 6, 5001L), (nosrv.Sessions, nosrv.Errors, nosrv.Queued, nosrv.TwMax));
        Assert.Equal(30004.0 / 6, nosrv.AvgTw, 3);
        Assert.Equal(7002, s.Servers["rmi_registry/rmi1"].AvgTt);
        Assert.Equal(7000, s.Servers["rmi_registry/rmi2"].AvgTt);
        Assert.Equal(new Dictionary<string, int> { ["--"] = 2, ["sQ"] = 6 }, s.TerminationStates);
        Assert.Empty(s.Statuses);
        Assert.Empty(s.Urls);
    }

    [Fact]
    public void LogStat_TcpBasic_WeightedSplitNoErrors()
    {
        var s = Stats("tcp-basic");

        Assert.Equal((15, 12, 3), (s.Lines, s.Sessions, s.OtherLines)); // 1 start + 12 sessions + 2 stop lines
        Assert.Equal(0, s.Errors);
        Assert.Equal(0, s.Queued);
        Assert.Equal(9, s.Servers["tcp_in/app1"].Sessions);
        Assert.Equal(3, s.Servers["tcp_in/app2"].Sessions);
        Assert.Equal(1L, s.Servers["tcp_in/app1"].TtSum);
        Assert.Equal(2L, s.Servers["tcp_in/app2"].TtSum);
        Assert.Equal(new Dictionary<string, int> { ["--"] = 12 }, s.TerminationStates);
    }

    [Fact]
    public void LogStat_HttpErrors_StatusesErrorsQueueTimesAndSlowestUrls()
    {
        var s = Stats("http-errors");

        Assert.Equal((33, 0, 10, 23), (s.Lines, s.TcpSessions, s.HttpSessions, s.OtherLines));
        Assert.Equal(
            new Dictionary<string, int> { ["200"] = 3, ["400"] = 2, ["408"] = 1, ["502"] = 1, ["503"] = 2, ["504"] = 1 },
            s.Statuses);
        Assert.Equal(7, s.Errors); // PR, CR, cR, SC x2, sH, SH
        Assert.Equal(2, s.Queued); // the two retried requests: Tw 2001 and 2002
        Assert.Equal(6, s.QueueTimes.Count); // four lines have Tw = -1
        Assert.Equal(4003.0 / 6, s.AvgQueueTime, 3);
        Assert.Equal(
            new Dictionary<string, int> { ["----"] = 3, ["CR--"] = 1, ["PR--"] = 1, ["SC--"] = 2, ["SH--"] = 1, ["cR--"] = 1, ["sH--"] = 1 },
            s.TerminationStates);
        Assert.Equal(2, s.Servers["be_retry/spare"].Sessions);
        Assert.Equal(3, s.Servers["web/<NOSRV>"].Errors);
        var slowest = s.SlowestUrls(3);
        Assert.Equal(["/retry/1", "/retry/2", "/noredisp"], slowest.Select(u => u.Url));
        Assert.Equal(2003, slowest[0].Stats.AvgTt);
        Assert.Equal((3, 1501L), (s.Urls["<BADREQ>"].Requests, s.Urls["<BADREQ>"].TtMax));
    }

    [Fact]
    public void LogStat_Command_PrintsTablesAndRejectsLogWithoutSessions()
    {
        using var dir = new Scratch();
        var run = ToolRun.Of("logstat", Path.Combine(TestDataPaths.Golden("http-errors"), "raw-1.4.25.log"));
        var none = ToolRun.Of("logstat", dir.File("events.log", "<133>Nov 24 14:57:36 haproxy[1]: Proxy web started.\n"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("errors: 7 (70.0 %)", run.Out, StringComparison.Ordinal);
        Assert.Contains("slowest URLs", run.Out, StringComparison.Ordinal);
        Assert.Equal(2, none.ExitCode);
    }

    [Fact]
    public void LogStat_JournaldAndRsyslogForms_SameFiguresAsDatagrams()
    {
        var raw = Path.Combine(TestDataPaths.Golden("http-errors"), "raw-1.4.25.log");
        var expected = Stats("http-errors").Format();

        Assert.Equal(expected, LogStatistics.From(SyslogRecordReader.Read(LogForms.JournalCat(raw))).Format());
        Assert.Equal(expected, LogStatistics.From(SyslogRecordReader.Read(LogForms.Traditional(raw))).Format());
        Assert.Equal(expected, LogStatistics.From(SyslogRecordReader.Read(LogForms.JournalShortIso(raw))).Format());
    }
}
