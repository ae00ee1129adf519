using System.Text;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Http.HttpHarness;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary><c>persist rdp-cookie</c> in TCP mode, in virtual time.</summary>
public class TcpPersistRdpCookieTests
{
    private const string Config = "defaults\n    mode tcp\n    log global\n    option tcplog\n    timeout client 5s\n"
        + "    timeout server 5s\n    timeout connect 5s\n"
        + "listen rdp\n    bind 127.0.0.1:10001\n    tcp-request inspect-delay 5s\n    tcp-request content accept if RDP_COOKIE\n"
        + "    persist rdp-cookie\n    balance roundrobin\n"
        + "    server s1 127.0.0.1:20001\n    server s2 127.0.0.1:20002\n";

    /// <summary>An X.224 connection request with the cookie line (the 11-byte header is skipped by 1.4).</summary>
    private static string Rdp(string cookie) => "\u0003\u0000\u0000\u002c\u0027\u00e0\u0000\u0000\u0000\u0000\u0000" + "Cookie: " + cookie + "\r\n";

    [Theory]
    [InlineData("msts=16777343.8782.0000", "rdp/s2")] // 127.0.0.1 as stored by 1.4, port 20002 (0x4E22) byte-swapped = 0x224E
    [InlineData("msts=16777226.8782.0000", "rdp/s1")] // 10.0.0.1: no such server, round robin
    [InlineData("mstshash=bob", "rdp/s1")]            // not the persistence cookie: round robin
    public void PersistRdpCookie_MstsCookie_SessionGoesToThatServer(string cookie, string expected)
    {
        var h = FromConfig(Config);
        h.Network.AddServer(EngineHarness.Ep(20001), SimServerKind.Echo);
        h.Network.AddServer(EngineHarness.Ep(20002), SimServerKind.Echo);
        h.Start();

        h.AddClient(FePort, 0, [Send(Rdp(cookie)), new SimClientAction.Recv(Rdp(cookie).Length)], SimCloseMode.Close);
        h.RunFor(200);

        var line = Assert.Single(h.Log.Messages, m => m.StartsWith("127.0.0.1:", StringComparison.Ordinal));
        Assert.Contains(" rdp " + expected + " ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void PersistRdpCookie_ClientHalfClosesAfterSending_ConnectsAndForwardsAs14()
    {
        // 1.4.25 reads a new request once (BF_READ_DONTWAIT): the rule accepts before the FIN is seen, the server is
        // connected and gets the bytes. Reading on to the FIN first left the session with <NOSRV> and nothing sent.
        var h = FromConfig(Config);
        h.Network.AddServer(EngineHarness.Ep(20001), SimServerKind.Echo);
        h.Network.AddServer(EngineHarness.Ep(20002), SimServerKind.Echo);
        h.Start();

        var request = Rdp("msts=16777343.8782.0000");
        h.AddClient(FePort, 0, [Send(request)], SimCloseMode.Graceful);
        h.RunFor(200);

        var line = Assert.Single(h.Log.Messages, m => m.StartsWith("127.0.0.1:", StringComparison.Ordinal));
        Assert.Contains(" rdp rdp/s2 ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_MstsValue_AddressAsStoredAndPortInHostOrder()
    {
        Assert.True(TcpPersistRdpCookie.TryParse("16777343.8782.0000"u8, out var a, out var p));
        Assert.Equal((0x0100007Fu, 20002), (a, p));
    }

    [Theory]
    [InlineData("16777343.8782")]
    [InlineData("16777343")]
    [InlineData("1.2x.0")]
    public void TryParse_MissingDot_False(string value) =>
        Assert.False(TcpPersistRdpCookie.TryParse(Encoding.ASCII.GetBytes(value), out _, out _));
}
