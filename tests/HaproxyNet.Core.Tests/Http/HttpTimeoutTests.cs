using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Http.HttpHarness;

namespace HaproxyNet.Core.Tests.Http;

/// <summary>
/// HTTP-mode timeouts in virtual time, each on both sides of its boundary: still waiting 1 ms before, expired right
/// after (timers fire at their tick or 1 ms later, ENGINE.md §1).
/// </summary>
public class HttpTimeoutTests
{
    private const string Defaults = "defaults\n    mode http\n    log global\n    option httplog\n    retries 0\n";

    private static string Frontend(string extra) =>
        "frontend fe\n    bind 127.0.0.1:10001\n    default_backend be\n" + extra
        + "backend be\n    server s1 127.0.0.1:20001\n";

    [Fact]
    public void TimeoutHttpRequest_PartialHeaders_408cRAtTheTimeout()
    {
        var h = FromConfig(Defaults + "    timeout client 10s\n    timeout server 10s\n    timeout connect 5s\n"
            + Frontend("    timeout http-request 1000\n"));
        HttpServer(h);
        h.Start();
        var c = h.AddClient(FePort, 0, [Send("GET /p HTTP/1.1\r\nHost: t\r\n"), new SimClientAction.RecvUntilClose()]);

        h.RunFor(999);
        Assert.Equal(0, c.BytesReceived);
        Assert.False(c.Done);
        h.RunFor(3);

        Assert.StartsWith("HTTP/1.0 408 Request Time-out\r\n", Received(c), StringComparison.Ordinal);
        h.RunFor(10);
        var line = Assert.Single(SessionLines(h));
        Assert.Contains(" fe fe/<NOSRV> -1/-1/-1/-1/100", line, StringComparison.Ordinal);
        Assert.Contains(" 408 212 - - cR-- ", line, StringComparison.Ordinal);
        Assert.EndsWith("\"<BADREQ>\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeoutClient_PartialHeadersNoHttpRequest_408cRAtClientTimeout()
    {
        var h = FromConfig(Defaults + "    timeout client 800\n    timeout server 10s\n    timeout connect 5s\n" + Frontend(string.Empty));
        HttpServer(h);
        h.Start();
        var c = h.AddClient(FePort, 0, [Send("GET /p HTTP/1.1\r\n"), new SimClientAction.RecvUntilClose()]);

        h.RunFor(799);
        Assert.Equal(0, c.BytesReceived);
        h.RunFor(3);

        Assert.StartsWith("HTTP/1.0 408 ", Received(c), StringComparison.Ordinal);
        h.RunFor(10);
        Assert.Contains(" 408 212 - - cR-- ", Assert.Single(SessionLines(h)), StringComparison.Ordinal);
    }

    [Fact]
    public void TimeoutHttpKeepAlive_IdleAfterServerClose_ClosedSilentlyAtTheTimeout()
    {
        var h = FromConfig(Defaults + "    timeout client 10s\n    timeout server 10s\n    timeout connect 5s\n"
            + Frontend("    option http-server-close\n    timeout http-keep-alive 500\n    timeout http-request 5s\n"));
        HttpServer(h);
        h.Start();
        var t0 = h.ElapsedMs; // the exchange takes no virtual time: the transaction ends at t0
        var c = h.AddClient(FePort, 0, [Get("/a"), new SimClientAction.RecvUntilClose()]);
        h.RunUntilMs(t0 + 10);
        Assert.Equal(1, c.ResponsesReceived);
        var lines = SessionLines(h);
        Assert.Contains(" fe be/s1 0/0/0/0/0 200 ", Assert.Single(lines), StringComparison.Ordinal);

        h.RunUntilMs(t0 + 499);
        Assert.False(c.Socket!.PeerShutWrite || c.Socket.Closed, "closed before http-keep-alive expired");
        h.RunUntilMs(t0 + 502);

        Assert.True(c.Socket.PeerShutWrite || c.Socket.GotReset || c.Done, "still open after http-keep-alive");
        h.RunFor(10);
        Assert.Single(SessionLines(h)); // the idle end is not logged
    }

    [Fact]
    public void TimeoutHttpKeepAlive_FirstByteOfNextRequest_SwitchesToHttpRequestTimer()
    {
        var h = FromConfig(Defaults + "    timeout client 10s\n    timeout server 10s\n    timeout connect 5s\n"
            + Frontend("    option http-server-close\n    timeout http-keep-alive 300\n    timeout http-request 600\n"));
        HttpServer(h);
        h.Start();
        var t0 = h.ElapsedMs;
        var c = h.AddClient(FePort, 0, [Get("/a"), new SimClientAction.Sleep(100), Send("GET /b HTTP/1.1\r\n"), new SimClientAction.RecvUntilClose()]);

        h.RunUntilMs(t0 + 100 + 599);
        Assert.DoesNotContain("408", Received(c), StringComparison.Ordinal);
        h.RunUntilMs(t0 + 100 + 602);

        Assert.Contains("HTTP/1.0 408 ", Received(c), StringComparison.Ordinal);
        h.RunFor(10);
        var lines = SessionLines(h);
        Assert.Equal(2, lines.Count);
        Assert.Contains(" 408 212 - - cR-- ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void TimeoutServer_NoResponseHeaders_504sHAtTheTimeout()
    {
        var h = FromConfig(Defaults + "    timeout client 10s\n    timeout server 1000\n    timeout connect 5s\n" + Frontend(string.Empty));
        HttpServer(h, delayMs: 5000);
        h.Start();
        var c = h.AddClient(FePort, 0, [Get("/slow", "Connection: close\r\n"), new SimClientAction.RecvUntilClose()]);

        h.RunFor(999);
        Assert.Equal(0, c.BytesReceived);
        h.RunFor(3);

        Assert.StartsWith("HTTP/1.0 504 Gateway Time-out\r\n", Received(c), StringComparison.Ordinal);
        h.RunFor(10);
        var line = Assert.Single(SessionLines(h));
        Assert.Contains(" fe be/s1 0/0/0/-1/100", line, StringComparison.Ordinal);
        Assert.Contains(" 504 194 - - sH-- ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeoutConnect_BlackholeServer_503sCAtTheTimeout()
    {
        var h = FromConfig(Defaults + "    timeout client 10s\n    timeout server 10s\n    timeout connect 1000\n" + Frontend(string.Empty));
        h.Network.AddServer(EngineHarness.Ep(BePort), SimServerKind.Blackhole);
        h.Start();
        var c = h.AddClient(FePort, 0, [Get("/c", "Connection: close\r\n"), new SimClientAction.RecvUntilClose()]);

        h.RunFor(999);
        Assert.Equal(0, c.BytesReceived);
        h.RunFor(3);

        Assert.StartsWith("HTTP/1.0 503 Service Unavailable\r\n", Received(c), StringComparison.Ordinal);
        h.RunFor(10);
        Assert.Contains(" 503 212 - - sC-- ", Assert.Single(SessionLines(h)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AbortOnClose_ClientClosesWhileConnecting_CCOnlyWithTheOption(bool abortOnClose)
    {
        var opt = abortOnClose ? "    option abortonclose\n" : string.Empty;
        var h = FromConfig(Defaults + "    timeout client 10s\n    timeout server 10s\n    timeout connect 1000\n"
            + "frontend fe\n    bind 127.0.0.1:10001\n    default_backend be\nbackend be\n" + opt + "    server s1 127.0.0.1:20001\n");
        h.Network.AddServer(EngineHarness.Ep(BePort), SimServerKind.Blackhole);
        h.Start();
        h.AddClient(FePort, 0, [Send("GET /c HTTP/1.1\r\nHost: t\r\n\r\n"), new SimClientAction.Sleep(200), new SimClientAction.ShutdownWrite(), new SimClientAction.RecvUntilClose()]);

        h.RunFor(1500);

        var line = Assert.Single(SessionLines(h));
        if (abortOnClose)
        {
            Assert.True(line.Contains(" 503 212 - - CC-- ", StringComparison.Ordinal), line);
            Assert.Contains("/-1/-1/20", line, StringComparison.Ordinal); // Tt about 200 ms
        }
        else
        {
            Assert.Contains(" 503 212 - - sC-- ", line, StringComparison.Ordinal);
        }
    }
}
