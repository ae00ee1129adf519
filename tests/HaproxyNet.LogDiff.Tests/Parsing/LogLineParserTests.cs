using HaproxyNet.LogDiff.Parsing;
using HaproxyNet.LogDiff.Tests.Support;

namespace HaproxyNet.LogDiff.Tests.Parsing;

public class LogLineParserTests
{
    private const string TcpLine =
        "<134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c3 [ACCEPT_DATE] rmi_registry rmi_registry/<NOSRV> 5001/-1/5001 0 sQ 7/7/7/0/0 0/1";

    private const string HttpLine =
        "<134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c5 [ACCEPT_DATE] f_asap app/s1 0/0/0/0/+0 200 +130 - - ---- 1/1/1/1/0 0/0 " +
        "{a#7Cb#7Bc#7D#22d|} {application/json; charse|abcdef01} \"POST /form HTTP/1.1\"";

    [Theory]
    [MemberData(nameof(GoldenNames))]
    public void Parse_EveryGoldenExpectedLine_GetsAKindMatchingItsShape(string scenario)
    {
        var lines = Goldens.Expected(scenario);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var parsed = LogLineParser.Parse(line);
            Assert.NotEqual(LogLineKind.Unparsed, parsed.Kind);
            Assert.Equal("PROGNAME", parsed[LogFieldNames.Tag]);
            Assert.Equal("PID", parsed[LogFieldNames.Pid]);

            // A line carrying an accept date is a session line and must split into tcplog/httplog fields.
            var isSession = line.Contains("[ACCEPT_DATE]", StringComparison.Ordinal);
            Assert.True(
                isSession == (parsed.Kind is LogLineKind.TcpLog or LogLineKind.HttpLog),
                $"{scenario}: {line} parsed as {parsed.Kind}");
        }
    }

    [Fact]
    public void Parse_RawLineWithRealSyslogDate_IsUnparsed()
    {
        // The parser reads normalized lines: a raw header (date with spaces) is not one.
        var parsed = LogLineParser.Parse("<133>Nov 24 14:59:02 haproxy[15255]: Proxy rmi_registry started.");

        Assert.Equal(LogLineKind.Unparsed, parsed.Kind);
    }

    [Fact]
    public void Parse_TcpLogLine_SplitsEveryFieldInOrder()
    {
        var parsed = LogLineParser.Parse(TcpLine);

        Assert.Equal(LogLineKind.TcpLog, parsed.Kind);
        string[] names =
        [
            "syslog_pri", "syslog_date", "tag", "pid", "client", "accept_date", "frontend", "backend", "server", "Tw", "Tc", "Tt",
            "bytes_read", "termination_state", "actconn", "feconn", "beconn", "srv_conn", "retries", "srv_queue", "backend_queue",
        ];
        string[] values =
        [
            "134", "SYSLOG_DATE", "PROGNAME", "PID", "127.0.0.1:c3", "ACCEPT_DATE", "rmi_registry", "rmi_registry", "<NOSRV>",
            "5001", "-1", "5001", "0", "sQ", "7", "7", "7", "0", "0", "0", "1",
        ];
        Assert.Equal(names, parsed.Fields.Select(f => f.Name));
        Assert.Equal(values, parsed.Fields.Select(f => f.Value));
    }

    [Fact]
    public void Parse_HttpLogLineWithCaptures_SplitsHeadersAndStripsClosingQuote()
    {
        var parsed = LogLineParser.Parse(HttpLine);

        Assert.Equal(LogLineKind.HttpLog, parsed.Kind);
        Assert.Equal("0", parsed["Tq"]);
        Assert.Equal("+0", parsed["Tt"]);
        Assert.Equal("+130", parsed["bytes_read"]);
        Assert.Equal("----", parsed["termination_state"]);
        Assert.Equal(" {a#7Cb#7Bc#7D#22d|} {application/json; charse|abcdef01}", parsed["captured_headers"]);
        Assert.Equal("POST /form HTTP/1.1", parsed["request"]);
        Assert.Equal("request", parsed.Fields[^1].Name);
    }

    [Fact]
    public void Parse_HttpLogLineWithRedispatch_KeepsPlusInRetries()
    {
        var parsed = LogLineParser.Parse(
            "<134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c8 [ACCEPT_DATE] web be_retry/spare 0/2001/0/1/2003 200 62 - - ---- 0/0/0/0/+2 0/0 \"GET /retry/1 HTTP/1.1\"");

        Assert.Equal(LogLineKind.HttpLog, parsed.Kind);
        Assert.Equal("+2", parsed["retries"]);
        Assert.Equal("", parsed["captured_headers"]);
    }

    [Fact]
    public void Parse_HealthCheckEvent_ExtractsFirstCheckDurationAndBlanksIt()
    {
        var parsed = LogLineParser.Parse(
            "<133>SYSLOG_DATE PROGNAME[PID]: Health check for server solo/only succeeded, reason: Layer7 check passed, code: 200, info: \"OK\", check duration: 23ms, status: 2/2 UP.");

        Assert.Equal(LogLineKind.Event, parsed.Kind);
        Assert.Equal("23", parsed["check_duration"]);
        Assert.Equal(
            "Health check for server solo/only succeeded, reason: Layer7 check passed, code: 200, info: \"OK\", check duration: Nms, status: 2/2 UP.",
            parsed["text"]);
    }

    [Fact]
    public void Parse_EventWithoutDuration_HasOnlyText()
    {
        var parsed = LogLineParser.Parse("<132>SYSLOG_DATE PROGNAME[PID]: Proxy t_full stopped (FE: 4 conns, BE: 4 conns).");

        Assert.Equal(LogLineKind.Event, parsed.Kind);
        Assert.Null(parsed["check_duration"]);
        Assert.Equal("Proxy t_full stopped (FE: 4 conns, BE: 4 conns).", parsed["text"]);
        Assert.Equal(5, parsed.Fields.Count);
    }

    [Fact]
    public void Parse_ConnectFromLine_IsAnEvent()
    {
        var parsed = LogLineParser.Parse("<134>SYSLOG_DATE PROGNAME[PID]: Connect from 127.0.0.1:c1 to 127.0.0.1:<FE_PORT> (t_plain/TCP)");

        Assert.Equal(LogLineKind.Event, parsed.Kind);
        Assert.Equal("Connect from 127.0.0.1:c1 to 127.0.0.1:<FE_PORT> (t_plain/TCP)", parsed["text"]);
    }

    [Theory]
    [InlineData("UNPARSED garbage")]
    [InlineData("<134>SYSLOG_DATE PROGNAME PID: no brackets")]
    [InlineData("")]
    public void Parse_LineWithoutSyslogHeader_IsUnparsedText(string line)
    {
        var parsed = LogLineParser.Parse(line);

        Assert.Equal(LogLineKind.Unparsed, parsed.Kind);
        Assert.Equal(line, Assert.Single(parsed.Fields).Value);
    }

    [Fact]
    public void Parse_TcpLineWithThreeLetterState_IsNotTcpLog()
    {
        // Termination state is exactly two characters in tcplog; anything else must not be read as one.
        var parsed = LogLineParser.Parse(TcpLine.Replace(" sQ ", " sQ- ", StringComparison.Ordinal));

        Assert.Equal(LogLineKind.Event, parsed.Kind);
    }

    public static TheoryData<string> GoldenNames() => Goldens.All();
}
