using System.Net;
using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Http.Rules.RuleHarness;

namespace HaproxyNet.Core.Tests.Http.Rules;

/// <summary>block, http-request, req* filters, reqadd, forwardfor/originalto (HTTP-MODE §4, §6, §7) in virtual time.</summary>
public class RequestRulesTests
{
    private const string Get = "GET /x HTTP/1.0\r\nHost: h\r\nX-Foo: a\r\n\r\n";

    [Fact]
    public void Reqrep_MatchingHeader_LineRewrittenWithGroups()
    {
        var x = Run(Listen("    reqirep ^X-Foo:\\ (.*) X-Foo:\\ new-\\1\n"), Get);
        Assert.Contains("\r\nX-Foo: new-a\r\n", x.ServerSaw, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Foo: a\r\n", x.ServerSaw, StringComparison.Ordinal);
        Assert.Contains(" 200 ", x.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Reqrep_ConditionFalse_LineUntouched()
    {
        var x = Run(Listen("    reqirep ^X-Foo:\\ (.*) X-Foo:\\ new-\\1 if { hdr(x-cond) yes }\n"), Get);
        Assert.Contains("\r\nX-Foo: a\r\n", x.ServerSaw, StringComparison.Ordinal);
    }

    [Fact]
    public void Reqrep_RequestLine_ReparsedAndServerSeesNewUri()
    {
        var x = Run(Listen("    reqrep ^GET\\ /x(.*) GET\\ /rewritten\\1\n"), Get);
        Assert.StartsWith("GET /rewritten HTTP/1.0\r\n", x.ServerSaw, StringComparison.Ordinal);

        // The log keeps the request line as received.
        Assert.EndsWith("\"GET /x HTTP/1.0\"", x.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Reqdel_MatchingHeaders_AllRemoved()
    {
        var x = Run(Listen("    reqidel ^x-foo:\n"), "GET /x HTTP/1.0\r\nX-Foo: a\r\nHost: h\r\nX-Foo: b\r\n\r\n");
        Assert.DoesNotContain("X-Foo", x.ServerSaw, StringComparison.Ordinal);
        Assert.Contains("Host: h\r\n", x.ServerSaw, StringComparison.Ordinal);
    }

    [Fact]
    public void Reqdeny_Matching_403PRAndNoConnection()
    {
        var x = Run(Listen("    reqideny ^x-foo:\\ a\n"), Get);
        Assert.StartsWith("HTTP/1.0 403 Forbidden\r\n", x.Response, StringComparison.Ordinal);
        Assert.Equal(string.Empty, x.ServerSaw);
        Assert.Contains(" fe fe/<NOSRV> 0/-1/-1/-1/0 403 188 - - PR-- ", x.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Reqallow_BeforeDeny_DenyIgnored()
    {
        var x = Run(Listen("    reqiallow ^x-foo:\\ a\n    reqideny ^host:\n"), Get);
        Assert.Contains(" 200 ", x.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Reqtarpit_TimeoutTarpit_500PTAfterTheDelay()
    {
        var cfg = Listen("    timeout tarpit 300\n    reqitarpit ^x-foo:\\ a\n");
        var x = Run(cfg, Get, runMs: 299);
        Assert.Equal(string.Empty, x.Response);
        Assert.Empty(x.Lines);
        x = Run(cfg, Get, runMs: 400);
        Assert.StartsWith("HTTP/1.0 500 Server Error\r\n", x.Response, StringComparison.Ordinal);
        Assert.Equal(string.Empty, x.ServerSaw);
        // Tq -1 (never stamped), Tw = time held + 1, as 1.4.25 logs a 300 ms tarpit (HTTP-MODE §10).
        Assert.Contains(" fe fe/<NOSRV> -1/302/-1/-1/301 500 185 - - PT-- ", x.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Reqadd_FrontendThenBackend_AppendedInOrderBeforeForwardFor()
    {
        var cfg = Defaults + "frontend fe\n    bind 127.0.0.1:10001\n    reqadd X-F:\\ 1\n    option forwardfor\n    default_backend be\n"
            + "backend be\n    reqadd X-B:\\ 2\n    reqadd X-No:\\ 3 if { hdr(x-none) . }\n    option originalto\n    server s1 127.0.0.1:20001\n";
        var x = Run(cfg, Get);
        Assert.EndsWith("X-Foo: a\r\nX-F: 1\r\nX-B: 2\r\nX-Forwarded-For: 127.0.0.1\r\nX-Original-To: 127.0.0.1\r\n\r\n", x.ServerSaw, StringComparison.Ordinal);
    }

    [Fact]
    public void ForwardFor_ExceptNetwork_NoHeaderForThatClient()
    {
        var x = Run(Listen("    option forwardfor except 127.0.0.0/8\n"), Get);
        Assert.DoesNotContain("X-Forwarded-For", x.ServerSaw, StringComparison.Ordinal);
        x = Run(Listen("    option forwardfor except 10.0.0.0/8 header X-Client\n"), Get, source: IPAddress.Parse("127.0.0.2"));
        Assert.Contains("\r\nX-Client: 127.0.0.2\r\n", x.ServerSaw, StringComparison.Ordinal);
    }

    [Fact]
    public void ForwardFor_IfNoneWithHeaderPresent_NotAdded()
    {
        var x = Run(Listen("    option forwardfor if-none\n"), "GET / HTTP/1.0\r\nX-Forwarded-For: 1.2.3.4\r\n\r\n");
        Assert.Contains("X-Forwarded-For: 1.2.3.4\r\n\r\n", x.ServerSaw, StringComparison.Ordinal);
        x = Run(Listen("    option forwardfor if-none\n"), "GET / HTTP/1.0\r\n\r\n");
        Assert.Contains("X-Forwarded-For: 127.0.0.1\r\n", x.ServerSaw, StringComparison.Ordinal);
    }

    [Fact]
    public void Block_ConditionTrue_403PR()
    {
        var x = Run(Listen("    block if { path_beg /x }\n"), Get);
        Assert.StartsWith("HTTP/1.0 403 Forbidden\r\n", x.Response, StringComparison.Ordinal);
        Assert.Contains(" 403 188 - - PR-- ", x.Line, StringComparison.Ordinal);
        x = Run(Listen("    block unless { path_beg /x }\n"), Get);
        Assert.Contains(" 200 ", x.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpRequest_AllowThenDeny_FirstMatchingRuleDecides()
    {
        var cfg = Listen("    http-request allow if { hdr(x-foo) a }\n    http-request deny\n");
        Assert.Contains(" 200 ", Run(cfg, Get).Line, StringComparison.Ordinal);
        Assert.Contains(" 403 188 - - PR-- ", Run(cfg, "GET / HTTP/1.0\r\n\r\n").Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Rsprep_RspdelRspadd_ResponseRewritten()
    {
        var server = new SimHttpBehavior { Headers = [new("X-Srv", "one"), new("X-Drop", "1")] };
        var x = Run(Listen("    rsprep ^X-Srv:\\ (.*) X-Srv:\\ got-\\1\n    rspidel ^x-drop:\n    rspadd X-Added:\\ yes\n"), Get, server);
        Assert.Contains("\r\nX-Srv: got-one\r\n", x.Response, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Drop", x.Response, StringComparison.Ordinal);
        Assert.Contains("\r\nX-Added: yes\r\n", x.Response, StringComparison.Ordinal);
    }

    [Fact]
    public void Rsprep_StatusLine_StatusLoggedFromTheNewLine()
    {
        var x = Run(Listen("    rsprep ^HTTP/1.([01])\\ 200\\ OK HTTP/1.\\1\\ 203\\ Changed\n"), Get);
        Assert.StartsWith("HTTP/1.", x.Response, StringComparison.Ordinal);
        Assert.Contains(" 203 Changed\r\n", x.Response, StringComparison.Ordinal);
        Assert.Contains(" 203 ", x.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Rspdeny_Matching_502PH()
    {
        var server = new SimHttpBehavior { Headers = [new("X-Secret", "1")] };
        var x = Run(Listen("    rspideny ^x-secret:\n"), Get, server);
        Assert.StartsWith("HTTP/1.0 502 Bad Gateway\r\n", x.Response, StringComparison.Ordinal);
        Assert.Contains(" 502 ", x.Line, StringComparison.Ordinal);
        Assert.Contains(" PH-- ", x.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckCache_CacheableWithSetCookie_502AndAlertLogged()
    {
        var server = new SimHttpBehavior { Headers = [new("Set-Cookie", "a=b")] };
        var x = Run(Listen("    option checkcache\n"), Get, server);
        Assert.StartsWith("HTTP/1.0 502 Bad Gateway\r\n", x.Response, StringComparison.Ordinal);
        var priv = new SimHttpBehavior { Headers = [new("Set-Cookie", "a=b"), new("Cache-Control", "private")] };
        x = Run(Listen("    option checkcache\n"), Get, priv);
        Assert.Contains(" 200 ", x.Line, StringComparison.Ordinal);
    }
}
