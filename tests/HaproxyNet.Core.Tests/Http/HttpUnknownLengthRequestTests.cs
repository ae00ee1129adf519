using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Http.HttpHarness;

namespace HaproxyNet.Core.Tests.Http;

/// <summary>
/// A request whose length is unknown (HTTP/1.1 with "chunked" followed by another coding): no body analyser, the
/// request is forwarded until the client's close, and the response analysers see a request side without analyser.
/// What 1.4.25 does with it (testdata/smuggling rows te-chunked-identity, te-dup-headers; differential seed 1425
/// case 174): the response is parsed and logged, but never sent to the client; a server that closes without a
/// response after the client's close gets 400 <c>CH--</c> (the abortonclose branch of http_wait_for_response).
/// </summary>
public class HttpUnknownLengthRequestTests
{
    private const string Config =
        "defaults\n    mode http\n    log global\n    option httplog\n    retries 0\n"
        + "    timeout client 3s\n    timeout server 3s\n    timeout connect 1s\n"
        + "frontend fe\n    bind 127.0.0.1:10001\n    option http-server-close\n    default_backend be\n"
        + "backend be\n    server s1 127.0.0.1:20001\n";

    [Theory]
    [InlineData("Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n")]
    [InlineData("Transfer-Encoding: chunked, gzip\r\n")]
    public void ChunkedNotLast_ServerAnswers_ResponseLoggedButNotSentToClient(string te)
    {
        var h = FromConfig(Config);
        var server = HttpServer(h, body: "ok POST 1\n");
        h.Start();
        var c = h.AddClient(FePort, 0,
            [Send("POST / HTTP/1.1\r\nHost: a\r\n" + te + "\r\n5\r\nhello\r\n0\r\n\r\n"), new SimClientAction.ShutdownWrite(), new SimClientAction.RecvUntilClose()]);

        h.RunFor(200);

        Assert.Equal(1, server.Requests);
        Assert.True(c.Done, "client connection still open");
        Assert.Equal(string.Empty, Received(c));
        var line = Assert.Single(SessionLines(h));
        Assert.Contains(" fe be/s1 0/0/0/0/0 200 ", line, StringComparison.Ordinal);
        Assert.Contains(" - - ---- ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ChunkedNotLast_ServerClosesAfterClientClose_400CH()
    {
        var h = FromConfig(Config);
        var server = h.Network.AddServer(EngineHarness.Ep(BePort), SimServerKind.Close);
        h.Start();
        var c = h.AddClient(FePort, 0,
            [Send("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\nContent-Length: 5\r\n\r\nhello"),
                new SimClientAction.ShutdownWrite(), new SimClientAction.RecvUntilClose()]);

        h.RunFor(200);

        Assert.Equal(1, server.Accepted);
        Assert.StartsWith("HTTP/1.0 400 Bad request\r\n", Received(c), StringComparison.Ordinal);
        var line = Assert.Single(SessionLines(h));
        Assert.Contains(" fe be/s1 0/0/0/-1/0 400 187 - - CH-- ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void KnownLength_ServerClosesWithoutResponse_Still502SH()
    {
        // The other side of the 400 CH branch: with a body analyser the request side is not shut, 502 SH as before.
        var h = FromConfig(Config);
        h.Network.AddServer(EngineHarness.Ep(BePort), SimServerKind.Close);
        h.Start();
        var c = h.AddClient(FePort, 0,
            [Send("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"), new SimClientAction.ShutdownWrite(), new SimClientAction.RecvUntilClose()]);

        h.RunFor(200);

        Assert.StartsWith("HTTP/1.0 502 Bad Gateway\r\n", Received(c), StringComparison.Ordinal);
        Assert.Contains(" 502 204 - - SH-- ", Assert.Single(SessionLines(h)), StringComparison.Ordinal);
    }
}
