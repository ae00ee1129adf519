using static HaproxyNet.Core.Tests.Http.Rules.RuleHarness;

namespace HaproxyNet.Core.Tests.Http.Rules;

/// <summary>
/// <c>option http_proxy</c> (HTTP-MODE §4.2 step 1): a backend without servers connects to the IPv4 address and port
/// of the absolute URI (port 80 by default) and forwards the request line as received; anything else has no server
/// (503 <c>SC</c>). Recorded from 1.4.25 (golden <c>rules-http-proxy</c>).
/// </summary>
public class HttpProxyOptionTests
{
    private const string Config = Defaults + "listen fe\n    bind 127.0.0.1:10001\n    option http_proxy\n";

    [Fact]
    public void HttpProxy_AbsoluteUri_ConnectsThereAndKeepsTheRequestLine()
    {
        var x = Run(Config, "GET http://127.0.0.1:20001/a?b=1 HTTP/1.0\r\nHost: h\r\n\r\n");

        Assert.StartsWith("GET http://127.0.0.1:20001/a?b=1 HTTP/1.0\r\n", x.ServerSaw, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", x.Response, StringComparison.Ordinal);
        Assert.Contains(" fe fe/<NOSRV> ", x.Line, StringComparison.Ordinal);
        Assert.Contains(" 200 ", x.Line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET /relative HTTP/1.0\r\n\r\n")]
    [InlineData("GET http://localhost:20001/p HTTP/1.0\r\n\r\n")]
    [InlineData("GET ftp://127.0.0.1:20001/p HTTP/1.0\r\n\r\n")]
    public void HttpProxy_NoAddressInUri_503SC(string request)
    {
        var x = Run(Config, request);

        Assert.StartsWith("HTTP/1.0 503 Service Unavailable\r\n", x.Response, StringComparison.Ordinal);
        Assert.Equal(string.Empty, x.ServerSaw);
        Assert.Contains(" fe fe/<NOSRV> 0/-1/-1/-1/0 503 212 - - SC-- ", x.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpProxy_KeepAliveThenRelative_SecondHasNoServer()
    {
        // 1.4.25 (golden rules-http-proxy, c17): the second request of a kept-alive connection does not reuse the
        // first one's destination.
        var cfg = Config + "    option http-server-close\n";
        var x = Run(cfg, "GET http://127.0.0.1:20001/a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.Equal(2, x.Lines.Count);
        Assert.Contains(" 200 ", x.Lines[0], StringComparison.Ordinal);
        Assert.Contains(" 503 212 - - SC-- ", x.Lines[1], StringComparison.Ordinal);
    }
}
