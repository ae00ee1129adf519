using System.Text;
using HaproxyNet.Core.Checks;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Checks;

/// <summary>
/// What each check kind sends (bytes captured from 1.4.25 with a listener) and how it judges replies, on scripted
/// responders in virtual time.
/// </summary>
public class CheckProtocolTests
{
    [Fact]
    public void HttpChk_SendState_SendsTheReferenceRequestBytes()
    {
        // Captured: "GET /ok HTTP/1.0\r\nX-Haproxy-Server-State: UP 1/3; name=b1/s1; node=vmtest; weight=7/10; scur=0/0; qcur=0\r\n\r\n"
        var b = new CheckTestBed(new GlobalSettings { Node = "vmtest" });
        b.P.CheckSettings = new CheckSettings(CheckKind.Http, Encoding.Latin1.GetBytes("GET /ok HTTP/1.0\r\n")) { SendState = true };
        var s = b.AddChecked("s1", 20001, SimServerKind.Respond, rise: 2, fall: 3, inter: 5000);
        s.UWeight = 7;
        s.EWeight = 7 * 16;
        var other = b.H.AddServer(b.P, "s2", 20009, SimServerKind.Echo, weight: 3);
        Assert.False(other.Checked);
        b.Peer(s).Response = "HTTP/1.0 200 OK\r\n\r\n"u8.ToArray();
        b.Start();
        b.H.RunFor(10);

        Assert.Equal(
            "GET /ok HTTP/1.0\r\nX-Haproxy-Server-State: UP 1/3; name=px/s1; node=vmtest; weight=7/10; scur=0/0; qcur=0\r\n\r\n",
            Encoding.Latin1.GetString([.. b.Peer(s).Received]));
        Assert.Equal(CheckStatus.L7Ok, s.CheckStatus);
        Assert.Equal(200, s.CheckCode);
        Assert.Equal("OK", s.CheckDesc);
    }

    [Fact]
    public void HttpChk_VersionWithHeaders_SentAsConfigured()
    {
        var b = new CheckTestBed();
        b.P.CheckSettings = new CheckSettings(CheckKind.Http, Encoding.Latin1.GetBytes("POST /x HTTP/1.1\r\nHost: www\r\n"));
        var s = b.AddChecked("s1", 20001, SimServerKind.Respond);
        b.Peer(s).Response = "HTTP/1.1 302 Found\r\n\r\n"u8.ToArray();
        b.Start();
        b.H.RunFor(10);

        Assert.Equal("POST /x HTTP/1.1\r\nHost: www\r\n\r\n", Encoding.Latin1.GetString([.. b.Peer(s).Received]));
        Assert.Equal((CheckStatus.L7Ok, 302, "Found"), (s.CheckStatus, s.CheckCode, s.CheckDesc));
    }

    [Theory]
    [InlineData("HTTP/1.1 503 Service Unavailable\r\n\r\n", CheckStatus.L7Sts, "Service Unavailable")]
    [InlineData("HTTP/1.0 200\r\n\r\n", CheckStatus.L7Ok, "")]
    [InlineData("SSH-2.0-OpenSSH\r\n", CheckStatus.L7Rsp, "SSH-2.0-OpenSSH")]
    [InlineData("HTTP/1.1 2x0 OK\r\n", CheckStatus.L7Rsp, "HTTP/1.1 2x0 OK")]
    [InlineData("HTTP/1.1", CheckStatus.L7Rsp, "HTTP/1.1")]
    public void HttpChk_Reply_JudgedOnTheStatusLine(string reply, CheckStatus status, string desc)
    {
        var b = new CheckTestBed();
        b.P.CheckSettings = new CheckSettings(CheckKind.Http, "OPTIONS / HTTP/1.0\r\n"u8.ToArray());
        var s = b.AddChecked("s1", 20001, SimServerKind.Respond);
        b.Peer(s).Response = Encoding.Latin1.GetBytes(reply);
        b.Start();
        b.H.RunFor(10);

        Assert.Equal((status, desc), (s.CheckStatus, s.CheckDesc));
    }

    [Theory]
    [InlineData("string", false, "HTTP/1.0 200 OK\r\n\r\nall good\n", CheckStatus.L7Ok, "HTTP content check matched")]
    [InlineData("string", true, "HTTP/1.0 200 OK\r\n\r\nall good\n", CheckStatus.L7Rsp, "HTTP check matched unwanted content")]
    [InlineData("string", false, "HTTP/1.0 200 OK\r\n\r\nnope\n", CheckStatus.L7Rsp, "HTTP content check did not match")]
    [InlineData("string", false, "HTTP/1.0 200 OK\r\n\r\n", CheckStatus.L7Rsp, "HTTP content check found empty response body")]
    [InlineData("string", false, "HTTP/1.0 200 OK\r\nX: y\r\n", CheckStatus.L7Rsp, "HTTP content check could not find a response body")]
    [InlineData("status", false, "HTTP/1.0 500 Oops\r\n\r\n", CheckStatus.L7Sts, "HTTP status check returned code <500>")]
    [InlineData("status", true, "HTTP/1.0 500 Oops\r\n\r\n", CheckStatus.L7Ok, "HTTP status check returned code <500>")]
    public void HttpCheckExpect_Forms_VerdictAndInfo(string match, bool inverted, string reply, CheckStatus status, string desc)
    {
        var b = new CheckTestBed();
        var value = match == "status" ? "200" : "good";
        b.P.CheckSettings = RuntimeBuilder.WithExpect(
            new CheckSettings(CheckKind.Http, "GET / HTTP/1.0\r\n"u8.ToArray()), (inverted ? "! " : string.Empty) + match + " " + value);
        var s = b.AddChecked("s1", 20001, SimServerKind.Respond);
        b.Peer(s).Response = Encoding.Latin1.GetBytes(reply);
        b.Start();
        b.H.RunFor(10);

        Assert.Equal((status, desc), (s.CheckStatus, s.CheckDesc));
    }

    [Fact]
    public void SslHelloChk_SendsTheReferenceClientHelloWithTheCurrentTime()
    {
        var b = new CheckTestBed();
        b.P.CheckSettings = new CheckSettings(CheckKind.SslHello, CheckRequests.SslClientHello());
        var s = b.AddChecked("s1", 20001, SimServerKind.Echo);
        b.Start();
        b.H.RunFor(10);

        var sent = b.Peer(s).Received.ToArray();
        var expected = Convert.FromHexString(
            "1603000079010000750300" + "00000000" + Convert.ToHexString("HAPROXYSSLCHK\nHAPROXYSSLCHK\n"u8) + "00004E"
            + "0001000200030004000500060007000800090" + "00A000B000C000D000E000F00100011001200130014001500160017001800190" + "01A001B002F0030003100320033003400350036003700380039003A" + "0100");
        Assert.Equal(126, sent.Length);
        var seconds = (uint)(b.H.StartUs / 1_000_000);
        expected[11] = (byte)(seconds >> 24);
        expected[12] = (byte)(seconds >> 16);
        expected[13] = (byte)(seconds >> 8);
        expected[14] = (byte)seconds;
        Assert.Equal(expected, sent);
        Assert.Equal(CheckStatus.L6Ok, s.CheckStatus); // the echo starts with 0x16
    }

    [Fact]
    public void MysqlCheckUser_SendsTheReferenceAuthAndQuitPackets()
    {
        var b = new CheckTestBed();
        b.P.CheckSettings = new CheckSettings(CheckKind.Mysql, CheckRequests.MysqlAuth("bob"));
        var s = b.AddChecked("s1", 20001, SimServerKind.Respond);
        b.Start();
        b.H.RunFor(10);

        Assert.Equal("\n\0\0\u0001\0\u0080\0\0\u0001bob\0\0\u0001\0\0\0\u0001", Encoding.Latin1.GetString([.. b.Peer(s).Received]));
    }

    [Fact]
    public void LdapCheck_BindRequestEchoed_NotLdapV3()
    {
        var b = new CheckTestBed();
        b.P.CheckSettings = new CheckSettings(CheckKind.Ldap, CheckRequests.LdapBind());
        var s = b.AddChecked("s1", 20001, SimServerKind.Echo);
        b.Start();
        b.H.RunFor(10);

        Assert.Equal(Convert.FromHexString("300c020101600702010304008000"), b.Peer(s).Received.ToArray());
        Assert.Equal((CheckStatus.L7Rsp, "Not LDAPv3 protocol"), (s.CheckStatus, s.CheckDesc));
    }

    [Theory]
    [InlineData("300c02010161070a010004000400", CheckStatus.L7Ok, 0, "Success")]
    [InlineData("300c02010161070a013104000400", CheckStatus.L7Sts, 49, "See RFC: http://tools.ietf.org/html/rfc4511#section-4.1.9")]
    public void LdapCheck_BindResponse_ResultCode(string hex, CheckStatus status, int code, string desc)
    {
        var b = new CheckTestBed();
        b.P.CheckSettings = new CheckSettings(CheckKind.Ldap, CheckRequests.LdapBind());
        var s = b.AddChecked("s1", 20001, SimServerKind.Respond);
        b.Peer(s).Response = Convert.FromHexString(hex);
        b.Start();
        b.H.RunFor(10);

        Assert.Equal((status, code, desc), (s.CheckStatus, s.CheckCode, s.CheckDesc));
    }

    [Theory]
    [InlineData("220 mx ready\r\n", CheckStatus.L7Ok, 220, "mx ready")]
    [InlineData("554 go away\r\n", CheckStatus.L7Sts, 554, "go away")]
    [InlineData("hello\r\n", CheckStatus.L7Rsp, 0, "hello")]
    public void SmtpChk_Banner_JudgedOnTheCode(string banner, CheckStatus status, int code, string desc)
    {
        var b = new CheckTestBed();
        b.P.CheckSettings = new CheckSettings(CheckKind.Smtp, "HELO localhost\r\n"u8.ToArray());
        var s = b.AddChecked("s1", 20001, SimServerKind.Respond);
        b.Peer(s).Banner = Encoding.Latin1.GetBytes(banner);
        b.Start();
        b.H.RunFor(10);

        Assert.Equal("HELO localhost\r\n", Encoding.Latin1.GetString([.. b.Peer(s).Received]));
        Assert.Equal((status, code, desc), (s.CheckStatus, s.CheckCode, s.CheckDesc));
    }

    [Fact]
    public void MysqlCheck_Handshake_PassesWithTheServerVersion()
    {
        var b = new CheckTestBed();
        b.P.CheckSettings = new CheckSettings(CheckKind.Mysql, []);
        var s = b.AddChecked("s1", 20001, SimServerKind.Respond);
        var payload = "\n5.1.73-test\0\u0001\0\0\0abcdefgh\0\0\u0002\b\u0002\0" + new string('\0', 13) + "ijklmnopqrst\0";
        b.Peer(s).Banner = Encoding.Latin1.GetBytes((char)payload.Length + "\0\0\0" + payload);
        b.Start();
        b.H.RunFor(10);

        Assert.Equal((CheckStatus.L7Ok, "5.1.73-test"), (s.CheckStatus, s.CheckDesc));
    }

    [Fact]
    public void MysqlCheckUser_HandshakeThenOkPacket_PassesWithTheServerVersion()
    {
        // As 1.4.25 with a scripted server: "Layer7 check passed, code: 0, info: \"5.1.73-test\"", nothing on stderr.
        var b = new CheckTestBed();
        b.P.CheckSettings = new CheckSettings(CheckKind.Mysql, CheckRequests.MysqlAuth("bob"));
        var s = b.AddChecked("s1", 20001, SimServerKind.Respond);
        var payload = "\n5.1.73-test\0\u0001\0\0\0abcdefgh\0\0\u0002\b\u0002\0" + new string('\0', 13) + "ijklmnopqrst\0";
        b.Peer(s).Banner = Encoding.Latin1.GetBytes((char)payload.Length + "\0\0\0" + payload);
        b.Peer(s).Response = "\u0007\0\0\u0002\0\0\0\u0002\0\0\0"u8.ToArray();
        b.Start();
        b.H.RunFor(10);

        Assert.Equal((CheckStatus.L7Ok, "5.1.73-test"), (s.CheckStatus, s.CheckDesc));
    }

    [Fact]
    public void TimeoutCheck_SilentServer_Layer7TimeoutAfterTimeoutCheck()
    {
        var b = new CheckTestBed();
        b.P.CheckSettings = new CheckSettings(CheckKind.Http, "OPTIONS / HTTP/1.0\r\n"u8.ToArray());
        b.P.TimeoutCheck = 300;
        var s = b.AddChecked("s1", 20001, SimServerKind.Hold, inter: 500);
        b.Start();

        b.H.RunUntilMs(299);
        Assert.True(s.IsRunning);
        b.H.RunUntilMs(300);
        Assert.Equal(
            "Server px/s1 is DOWN, reason: Layer7 timeout, check duration: 300ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
            Assert.Single(b.Lines("is DOWN")));
    }

    [Fact]
    public void NoTimeoutCheck_ConnectNeverCompletes_Layer4TimeoutAfterInter()
    {
        var b = new CheckTestBed();
        var s = b.AddChecked("s1", 20001, SimServerKind.Blackhole, inter: 1000);
        b.Start();

        b.H.RunUntilMs(999);
        Assert.True(s.IsRunning);
        b.H.RunUntilMs(1000);
        Assert.StartsWith("Server px/s1 is DOWN, reason: Layer4 timeout, check duration: 1000ms.", Assert.Single(b.Lines("is DOWN")), StringComparison.Ordinal);
    }

    [Fact]
    public void DisableOn404_UpServer404ThenOk_DisabledThenEnabledAgain()
    {
        var b = new CheckTestBed();
        b.P.CheckSettings = new CheckSettings(CheckKind.Http, "GET /h HTTP/1.0\r\n"u8.ToArray()) { DisableOn404 = true };
        var s = b.AddChecked("s1", 20001, SimServerKind.Respond, inter: 1000);
        var peer = b.Peer(s);
        peer.Response = "HTTP/1.0 404 Not Found\r\n\r\n"u8.ToArray();
        b.Start();

        Assert.True(s.IsRunning);
        Assert.Equal(ServerState.GoingDown, s.State & ServerState.GoingDown);
        Assert.Equal(
            "Load-balancing on Server px/s1 is disabled, reason: Layer7 check conditionally passed, code: 404, info: \"Not Found\", check duration: 0ms. 0 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.",
            Assert.Single(b.Lines("is disabled")));
        Assert.Single(b.Lines("no server available"));

        peer.Response = "HTTP/1.0 200 OK\r\n\r\n"u8.ToArray();
        b.H.RunUntilMs(1000);
        Assert.Equal(ServerState.None, s.State & ServerState.GoingDown);
        Assert.StartsWith("Load-balancing on Server px/s1 is enabled again, reason: Layer7 check passed, code: 200", Assert.Single(b.Lines("enabled again")), StringComparison.Ordinal);
    }

    [Fact]
    public void DisableOn404_DownServer404_OrdinaryFailure()
    {
        var b = new CheckTestBed();
        b.P.CheckSettings = new CheckSettings(CheckKind.Http, "GET /h HTTP/1.0\r\n"u8.ToArray()) { DisableOn404 = true };
        var s = b.AddChecked("s1", 20001, SimServerKind.Refuse, inter: 1000);
        b.Start();
        Assert.False(s.IsRunning);

        var peer = b.Peer(s);
        peer.Kind = SimServerKind.Respond;
        peer.Response = "HTTP/1.0 404 Not Found\r\n\r\n"u8.ToArray();
        b.H.RunUntilMs(3000);

        Assert.False(s.IsRunning);
        Assert.Equal(CheckStatus.L7Sts, s.CheckStatus);
        Assert.Empty(b.Lines("is disabled"));
    }
}
