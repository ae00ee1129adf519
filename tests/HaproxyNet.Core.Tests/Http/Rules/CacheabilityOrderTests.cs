using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Http.Rules.RuleHarness;

namespace HaproxyNet.Core.Tests.Http.Rules;

/// <summary>
/// Cacheability and <c>option checkcache</c> in 1.4.25's order (HTTP-MODE §8.2): the server cookie steps (capture,
/// delete/rewrite, insert) run first, then the checkcache verdict; one cacheability reading serves both the
/// <c>nocache</c> cookie and checkcache. Each expectation was recorded from the reference binary.
/// </summary>
public class CacheabilityOrderTests
{
    private const string Get = "GET /x HTTP/1.0\r\nHost: h\r\n\r\n";

    private static string Config(string backend) =>
        Defaults + "listen fe\n    bind 127.0.0.1:10001\n    capture cookie SRV len 20\n" + backend + "    server s1 127.0.0.1:20001 cookie s1\n";

    [Fact]
    public void CheckCache_InsertAndServerCookie_502AfterCaptureAndInsert()
    {
        // 1.4.25: "... fe/s1 0/0/0/-1/0 502 345 - SRV=app PHNI ..." (differential rules mode, seed 8014 case 11).
        var server = new SimHttpBehavior { Headers = [new("Set-Cookie", "SRV=app; path=/")] };
        var x = Run(Config("    option checkcache\n    cookie SRV insert\n"), Get, server);

        Assert.StartsWith("HTTP/1.0 502 Bad Gateway\r\n", x.Response, StringComparison.Ordinal);
        Assert.Contains(" 502 ", x.Line, StringComparison.Ordinal);
        Assert.Contains(" - SRV=app PHNI ", x.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckCache_OnlyTheInsertedCookie_NotBlocked()
    {
        // 1.4.25: the cookie haproxy inserts does not count as a server Set-Cookie: 200 with "SRV=s1", --NI.
        var x = Run(Config("    option checkcache\n    cookie SRV insert\n"), Get);

        Assert.Contains("\r\nSet-Cookie: SRV=s1; path=/\r\n", x.Response, StringComparison.Ordinal);
        Assert.Contains(" 200 ", x.Line, StringComparison.Ordinal);
        Assert.Contains(" --NI ", x.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckCache_CacheControlNoCache_NotBlocked()
    {
        // 1.4.25: "Cache-Control: no-cache" makes the response non-cacheable: 200, the Set-Cookie goes through.
        var server = new SimHttpBehavior { Headers = [new("Cache-Control", "no-cache"), new("Set-Cookie", "a=b")] };
        var x = Run(Config("    option checkcache\n"), Get, server);

        Assert.Contains(" 200 ", x.Line, StringComparison.Ordinal);
        Assert.Contains("\r\nSet-Cookie: a=b\r\n", x.Response, StringComparison.Ordinal);
    }

    [Fact]
    public void NocacheCookie_CacheControlNoCache_NoPrivateAdded()
    {
        // 1.4.25: with "Cache-Control: no-cache" from the server, "cookie ... nocache" adds no "Cache-control: private".
        var server = new SimHttpBehavior { Headers = [new("Cache-Control", "no-cache")] };
        var x = Run(Config("    cookie SRV insert nocache\n"), Get, server);

        Assert.Contains("\r\nSet-Cookie: SRV=s1; path=/\r\n", x.Response, StringComparison.Ordinal);
        Assert.DoesNotContain("Cache-control: private", x.Response, StringComparison.Ordinal);
    }

    [Fact]
    public void NocacheCookie_CacheableResponse_PrivateAdded()
    {
        var x = Run(Config("    cookie SRV insert nocache\n"), Get);

        Assert.Contains("\r\nSet-Cookie: SRV=s1; path=/\r\nCache-control: private\r\n", x.Response, StringComparison.Ordinal);
    }
}
