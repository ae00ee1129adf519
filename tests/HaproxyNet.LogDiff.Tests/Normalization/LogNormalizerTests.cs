using HaproxyNet.LogDiff.Normalization;
using HaproxyNet.LogDiff.Tests.Support;

namespace HaproxyNet.LogDiff.Tests.Normalization;

public class LogNormalizerTests
{
    private static readonly DateTimeOffset Start = SyntheticRun.Local("2026 Nov 24 14:59:02", "yyyy MMM d HH:mm:ss");

    [Theory]
    [MemberData(nameof(GoldenNames))]
    public void Normalize_RecordedRawLog_ReproducesExpectedLog(string scenario)
    {
        var raw = Goldens.Raw(scenario);

        var normalized = LogNormalizer.Normalize(raw, SyntheticRun.For(scenario, raw));

        Assert.Equal(Goldens.Expected(scenario), normalized);
    }

    [Fact]
    public void Normalize_SessionLine_ReplacesHeaderClientAndAcceptDate()
    {
        var line = Normalize(
            "<134>Nov 24 14:59:07 haproxy[15255]: 127.0.0.1:48104 [24/Nov/2026:14:59:02.905] rmi_registry rmi_registry/<NOSRV> 5001/-1/5001 0 sQ 7/7/7/0/0 0/1",
            Run(connections: [new ClientConnection(Start.AddMilliseconds(900), "127.0.0.1:48104", 3)]));

        Assert.Equal(
            "<134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c3 [ACCEPT_DATE] rmi_registry rmi_registry/<NOSRV> 5001/-1/5001 0 sQ 7/7/7/0/0 0/1",
            line);
    }

    [Fact]
    public void Normalize_OtherPidAndTag_KeepsThemVisible()
    {
        var line = Normalize("<133>Nov 24 14:59:02 someproxy[999]: Proxy rmi_registry started.", Run());

        Assert.Equal("<133>SYSLOG_DATE someproxy[OTHER_PID(999)]: Proxy rmi_registry started.", line);
    }

    [Theory]
    [InlineData("Nov 24 14:58:56", false)]
    [InlineData("Nov 24 14:58:57", true)]
    [InlineData("Nov 24 14:59:17", true)]
    [InlineData("Nov 24 14:59:18", false)]
    [InlineData("Nov 25 14:59:02", false)]
    public void Normalize_SyslogDate_MustFallWithinRunPlusFiveSeconds(string date, bool inRun)
    {
        // The run lasts 10 s from Start; 5 s of slack on either side.
        var line = Normalize("<133>" + date + " haproxy[15255]: Proxy x started.", Run());

        Assert.Equal(inRun ? "<133>SYSLOG_DATE PROGNAME[PID]: Proxy x started." : "<133>BAD_SYSLOG_DATE(" + date + ") PROGNAME[PID]: Proxy x started.", line);
    }

    [Theory]
    [InlineData("24/Nov/2026:14:58:56.999", false)]
    [InlineData("24/Nov/2026:14:58:57.000", true)]
    [InlineData("24/Nov/2026:14:59:17.000", true)]
    [InlineData("24/Nov/2026:14:59:17.001", false)]
    [InlineData("24/Nov/2025:14:59:05.000", false)]
    public void Normalize_AcceptDate_MustFallWithinRunToTheMillisecond(string date, bool inRun)
    {
        var line = Normalize(
            "<134>Nov 24 14:59:07 haproxy[15255]: 127.0.0.1:48104 [" + date + "] f f/s 0/0/1 0 -- 0/0/0/0/0 0/0",
            Run(connections: [new ClientConnection(Start, "127.0.0.1:48104", 1)]));

        var token = inRun ? "ACCEPT_DATE" : "BAD_DATE " + date;
        Assert.Equal("<134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c1 [" + token + "] f f/s 0/0/1 0 -- 0/0/0/0/0 0/0", line);
    }

    [Fact]
    public void Normalize_UnknownClientAddress_BecomesCport()
    {
        var line = Normalize(
            "<134>Nov 24 14:59:07 haproxy[15255]: 127.0.0.9:40000 [24/Nov/2026:14:59:03.000] f f/s 0/0/1 0 -- 0/0/0/0/0 0/0",
            Run(connections: [new ClientConnection(Start, "127.0.0.1:40000", 1)]));

        Assert.Equal("<134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.9:CPORT [ACCEPT_DATE] f f/s 0/0/1 0 -- 0/0/0/0/0 0/0", line);
    }

    [Fact]
    public void Normalize_ReusedSourcePort_PicksLastClientConnectedBeforeTheLine()
    {
        ClientConnection[] connections =
        [
            new(Start.AddSeconds(1), "127.0.0.1:40000", 1),
            new(Start.AddSeconds(3), "127.0.0.1:40000", 4),
            new(Start.AddSeconds(6), "127.0.0.1:40000", 9),
        ];
        const string Raw = "<134>Nov 24 14:59:07 haproxy[15255]: Connect from 127.0.0.1:40000 to 127.0.0.1:55745 (t_plain/TCP)";
        var run = Run(connections: connections, logTimes: [Start.AddSeconds(4), Start.AddSeconds(0.5), Start.AddSeconds(3)]);

        // Received at +4 s: c4; at +0.5 s nobody had connected yet, so the last one (c9); at +3 s: c4 (same instant counts).
        // "Connect from" lines are session lines, so the run is then sorted by client id.
        var lines = LogNormalizer.Normalize([Raw, Raw, Raw], run);

        Assert.Equal(
            [
                "<134>SYSLOG_DATE PROGNAME[PID]: Connect from 127.0.0.1:c4 to 127.0.0.1:<FE_PORT> (t_plain/TCP)",
                "<134>SYSLOG_DATE PROGNAME[PID]: Connect from 127.0.0.1:c4 to 127.0.0.1:<FE_PORT> (t_plain/TCP)",
                "<134>SYSLOG_DATE PROGNAME[PID]: Connect from 127.0.0.1:c9 to 127.0.0.1:<FE_PORT> (t_plain/TCP)",
            ],
            lines);
    }

    [Fact]
    public void Normalize_PortsOfPlaceholdersAnywhere_BecomeNames()
    {
        var line = Normalize(
            "<129>Nov 24 14:59:07 haproxy[15255]: Server app/s1 127.0.0.1:55745 and :5574 and :557450 and [::1]:44444.",
            Run());

        Assert.Equal("<129>SYSLOG_DATE PROGNAME[PID]: Server app/s1 127.0.0.1:<FE_PORT> and :5574 and :557450 and [::1]:<BE1_PORT>.", line);
    }

    [Fact]
    public void Normalize_LineWithoutSyslogHeader_IsMarkedUnparsed()
    {
        Assert.Equal("UNPARSED hello", Normalize("hello", Run()));
    }

    [Fact]
    public void Normalize_TagIsExecutableName_BecomesProgname()
    {
        var run = new RunDescription
        {
            Pid = 1,
            ProgramNames = ProgramNames.FromCommand(["dotnet", "/opt/x/haproxynet.dll"]),
            StartTime = Start,
            EndTime = Start.AddSeconds(1),
        };

        Assert.Equal("<133>SYSLOG_DATE PROGNAME[PID]: p", Normalize("<133>Nov 24 14:59:02 haproxynet[1]: p", run));
        Assert.Equal("<133>SYSLOG_DATE PROGNAME[PID]: p", Normalize("<133>Nov 24 14:59:02 haproxynet.dll[1]: p", run));
        Assert.Equal("<133>SYSLOG_DATE PROGNAME[PID]: p", Normalize("<133>Nov 24 14:59:02 dotnet[1]: p", run));
        Assert.Equal("<133>SYSLOG_DATE haproxy[PID]: p", Normalize("<133>Nov 24 14:59:02 haproxy[1]: p", run));
    }

    public static TheoryData<string> GoldenNames() => Goldens.All();

    private static string Normalize(string raw, RunDescription run) => Assert.Single(LogNormalizer.Normalize([raw], run));

    private static RunDescription Run(ClientConnection[]? connections = null, DateTimeOffset[]? logTimes = null) => new()
    {
        Ports = new Dictionary<string, int> { ["FE_PORT"] = 55745, ["BE1_PORT"] = 44444, ["SYSLOG_PORT"] = 51000 },
        Pid = 15255,
        ProgramNames = ["haproxy"],
        ClientConnections = connections ?? [],
        LogTimes = logTimes ?? [],
        StartTime = Start,
        EndTime = Start.AddSeconds(10),
    };
}
