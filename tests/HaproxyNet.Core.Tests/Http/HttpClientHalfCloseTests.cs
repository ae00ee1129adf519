using System.Text;
using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Http.HttpHarness;

namespace HaproxyNet.Core.Tests.Http;

/// <summary>
/// A client that half-closes right after its request (smuggling rows te-xchunked, te-chunked-suffix,
/// te-vertical-tab, cl-te-chunked-tunnel, pipeline-after-body-tunnel, pipeline-httpclose): without abortonclose
/// 1.4.25 does not pass that close on to the server while the response is awaited. In http-server-close mode the
/// server keeps waiting (504 <c>sH</c> at timeout server, as recorded from 1.4.25); in tunnel and httpclose mode the
/// bytes after the first request follow on the same server connection once the first response is there.
/// </summary>
public class HttpClientHalfCloseTests
{
    private const string Defaults =
        "defaults\n    mode http\n    log global\n    option httplog\n    retries 0\n"
        + "    timeout client 3s\n    timeout server 1000\n    timeout connect 1s\n";

    private const string Backend = "backend be\n    server s1 127.0.0.1:20001\n";

    [Fact]
    public void ServerClose_HalfCloseAfterBody_CloseHeldFromServer504sH()
    {
        // The simulated server closes at once when it sees the end of a request it cannot parse (bare LF here):
        // had the client's close reached it, the answer would come before the server timeout.
        var h = FromConfig(Defaults + "frontend fe\n    bind 127.0.0.1:10001\n    option http-server-close\n    default_backend be\n" + Backend);
        var server = HttpServer(h);
        h.Start();
        var c = h.AddClient(FePort, 0,
            [Send("POST / HTTP/1.1\nHost: a\nTransfer-Encoding: xchunked\nContent-Length: 5\n\nhello"), new SimClientAction.ShutdownWrite(), new SimClientAction.RecvUntilClose()]);

        h.RunFor(999);
        Assert.Equal(1, server.Accepted);
        Assert.EndsWith("\n\nhello", Encoding.Latin1.GetString([.. server.Received]), StringComparison.Ordinal);
        Assert.Equal(0, c.BytesReceived);
        h.RunFor(3);

        Assert.StartsWith("HTTP/1.0 504 Gateway Time-out\r\n", Received(c), StringComparison.Ordinal);
        h.RunFor(10);
        Assert.Contains(" fe be/s1 0/0/0/-1/100", Assert.Single(SessionLines(h)), StringComparison.Ordinal);
        Assert.Contains(" 504 194 - - sH-- ", SessionLines(h)[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("    option httpclose\n")]
    public void TunnelOrHttpClose_HalfCloseAfterPipelinedRequests_RestFollowsOnSameServerConnection(string mode)
    {
        var h = FromConfig(Defaults + "frontend fe\n    bind 127.0.0.1:10001\n" + mode + "    default_backend be\n" + Backend);
        var server = HttpServer(h);
        h.Start();
        var c = h.AddClient(FePort, 0,
            [Send("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhelloGET /r/404 HTTP/1.1\r\nHost: a\r\n\r\n"),
                new SimClientAction.ShutdownWrite(), new SimClientAction.RecvUntilClose()]);

        h.RunFor(200);

        Assert.Equal(1, server.Accepted);
        var received = Encoding.Latin1.GetString([.. server.Received]);
        Assert.EndsWith("helloGET /r/404 HTTP/1.1\r\nHost: a\r\n\r\n", received, StringComparison.Ordinal);
        Assert.True(c.Done, "client connection still open");
        Assert.StartsWith("HTTP/1.1 200 ", Received(c), StringComparison.Ordinal);
        Assert.Contains(" fe be/s1 ", Assert.Single(SessionLines(h)), StringComparison.Ordinal);
    }
}
