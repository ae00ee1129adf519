using HaproxyNet.LogDiff.Normalization;

namespace HaproxyNet.LogDiff.Tests.Normalization;

public class SessionOrderingTests
{
    private const string Started = "<133>SYSLOG_DATE PROGNAME[PID]: Proxy p started.";
    private const string Down = "<129>SYSLOG_DATE PROGNAME[PID]: Server app/s1 is DOWN.";

    [Fact]
    public void Order_SessionRun_SortedByClientIdNumerically()
    {
        var lines = Order(Session(10), Session(2), Session(1));

        Assert.Equal([Session(1), Session(2), Session(10)], lines);
    }

    [Fact]
    public void Order_EventLine_IsABarrierThatStaysInPlace()
    {
        var lines = Order(Started, Session(3), Session(1), Down, Session(2), Session(0));

        Assert.Equal([Started, Session(1), Session(3), Down, Session(0), Session(2)], lines);
    }

    [Fact]
    public void Order_SameClientLines_KeepTheirOrder()
    {
        var first = Session(2, "GET /a");
        var second = Session(2, "GET /b");

        Assert.Equal([Session(1), first, second], Order(first, Session(1), second));
    }

    [Fact]
    public void Order_ConnectFromAndUnknownClient_AreSessionsUnknownLast()
    {
        var connect = "<134>SYSLOG_DATE PROGNAME[PID]: Connect from 127.0.0.1:c4 to 127.0.0.1:<FE_PORT> (t/TCP)";
        var unknown = "<134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:CPORT [ACCEPT_DATE] f b/s 0/0/0 0 -- 0/0/0/0/0 0/0";

        Assert.Equal([Session(3), connect, unknown], Order(unknown, connect, Session(3)));
    }

    [Fact]
    public void Order_Ipv6Client_IsRecognised()
    {
        var v6 = "<134>SYSLOG_DATE PROGNAME[PID]: ::1:c2 [ACCEPT_DATE] f b/s 0/0/0 0 -- 0/0/0/0/0 0/0";

        Assert.Equal([Session(1), v6], Order(v6, Session(1)));
    }

    private static IReadOnlyList<string> Order(params string[] lines) => SessionOrdering.Order(lines);

    private static string Session(int id, string request = "GET /") =>
        $"<134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c{id} [ACCEPT_DATE] f b/s 0/0/0/0/0 200 10 - - ---- 0/0/0/0/0 0/0 \"{request} HTTP/1.1\"";
}
