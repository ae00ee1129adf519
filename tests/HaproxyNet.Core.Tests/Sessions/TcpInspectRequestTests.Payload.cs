using System.Text;
using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Sessions.ConfigHarness;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>Payload criteria in content rules: RDP cookie and SSL version, complete or arriving in parts.</summary>
public partial class TcpInspectRequestTests
{
    /// <summary>An RDP X.224 connection request carrying <c>Cookie: mstshash=&lt;user&gt;</c>.</summary>
    private static byte[] RdpRequest(string user)
    {
        var cookie = Encoding.ASCII.GetBytes("Cookie: mstshash=" + user + "\r\n");
        var head = new byte[] { 0x03, 0x00, 0x00, (byte)(11 + cookie.Length), (byte)(6 + cookie.Length), 0xE0, 0, 0, 0, 0, 0 };
        return [.. head, .. cookie];
    }

    private const string RdpRules = """
        tcp-request inspect-delay 5s
        acl alice req_rdp_cookie(mstshash) alice
        tcp-request content accept if alice
        tcp-request content reject
        """;

    [Fact]
    public void Inspect_RdpCookieInTwoParts_WaitsThenAccepts()
    {
        var h = Build(RdpRules);
        var srv = Server(h);
        var req = RdpRequest("alice");
        h.AddClient(Fe, 0, [Send(req[..20]), new SimClientAction.Sleep(100), Send(req[20..]), new SimClientAction.Recv(req.Length)]);
        h.Start();

        h.RunUntilMs(99);
        Assert.Equal(0, srv.Accepted);
        Assert.True(h.RunUntil(() => srv.Accepted > 0, 1000));
        Assert.Equal(100, h.ElapsedMs);
        Assert.Equal(0, Frontend(h).DeniedReq);
    }

    [Fact]
    public void Inspect_RdpCookieOtherUser_RejectsAsSoonAsComplete()
    {
        var h = Build(RdpRules);
        Server(h);
        h.AddClient(Fe, 0, [Send(RdpRequest("bob")), new SimClientAction.HoldUntil(3000)], SimCloseMode.Close);
        h.Start();
        h.Settle();

        Assert.Equal(1, Frontend(h).DeniedReq);
        Assert.Equal("fe fe/<NOSRV> -1/-1/0 0 PR 0/0/0/0/0 0/0", Tail(Assert.Single(SessionLines(h))));
    }

    [Fact]
    public void Inspect_RdpCookieCountOnNonRdpData_IsZeroNotWaiting()
    {
        var h = Build("""
            tcp-request inspect-delay 5s
            tcp-request content reject if !RDP_COOKIE
            """);
        Server(h);
        h.AddClient(Fe, 0, [Send("GET /index.html HTTP/1.0\r\n\r\n"), new SimClientAction.HoldUntil(3000)], SimCloseMode.Close);
        h.Start();
        h.Settle();

        Assert.Equal(1, Frontend(h).DeniedReq); // "Cookie:" expected at offset 11: not a cookie, decided at once
    }

    [Fact]
    public void Inspect_RdpCookieCountOnEighteenBytes_StillWaits()
    {
        var h = Build("""
            tcp-request inspect-delay 5s
            tcp-request content reject if !RDP_COOKIE
            """);
        Server(h);
        h.AddClient(Fe, 0, [Send("GET / HTTP/1.0\r\n\r\n"), new SimClientAction.HoldUntil(8000)], SimCloseMode.Close);
        h.Start();
        h.RunUntilMs(4999);

        // 11 skipped bytes + 7 left: 1.4 needs more than 7 to compare "Cookie:", so the count may still change.
        Assert.Equal(0, Frontend(h).DeniedReq);
        Assert.True(h.RunUntil(() => Frontend(h).DeniedReq == 1, 1000));
        // The delay ended (woken at 5001): undecided now reads as "no cookie"; bytes_read 0, the client sent 18.
        Assert.Equal("fe fe/<NOSRV> -1/-1/5001 0 PR 0/0/0/0/0 0/0", Tail(Assert.Single(SessionLines(h))));
    }

    [Theory]
    [InlineData(new byte[] { 0x16, 0x03, 0x01, 0x00, 0x02, 0x01, 0x00 }, 1)] // TLSv1.0 record, complete: accepted
    [InlineData(new byte[] { 0x16, 0x03, 0x00, 0x00, 0x02, 0x01, 0x00 }, 0)] // SSLv3: rejected
    [InlineData(new byte[] { 0x47, 0x45, 0x54, 0x20, 0x2F, 0x20, 0x48, 0x54, 0x54, 0x50 }, 0)] // "GET / HTTP": not SSL
    public void Inspect_ReqSslVer_AcceptsTlsOnly(byte[] hello, int accepted)
    {
        var h = Build("""
            tcp-request inspect-delay 5s
            tcp-request content accept if { req_ssl_ver 3.1 }
            tcp-request content reject
            """);
        var srv = Server(h);
        h.AddClient(Fe, 0, [Send(hello), new SimClientAction.HoldUntil(3000)], SimCloseMode.Close);
        h.Start();
        h.Settle();

        Assert.Equal(accepted, srv.Accepted);
        Assert.Equal(1 - accepted, Frontend(h).DeniedReq);
    }

    [Fact]
    public void Inspect_ReqSslVerIncompleteRecord_WaitsForTheWholeMessage()
    {
        var h = Build("""
            tcp-request inspect-delay 5s
            tcp-request content accept if { req_ssl_ver 3.1 }
            tcp-request content reject
            """);
        var srv = Server(h);
        byte[] record = [0x16, 0x03, 0x01, 0x00, 0x04, 0x01, 0x00, 0x00, 0x00];
        h.AddClient(Fe, 0, [Send(record[..7]), new SimClientAction.Sleep(50), Send(record[7..]), new SimClientAction.HoldUntil(3000)], SimCloseMode.Close);
        h.Start();

        h.RunUntilMs(49);
        Assert.Equal(0, srv.Accepted);
        h.RunUntilMs(60);
        Assert.Equal(1, srv.Accepted);
    }
}
