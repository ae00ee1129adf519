using HaproxyNet.Config.Model;
using HaproxyNet.Config.Model.Rules;

namespace HaproxyNet.Config.Tests.Parsing;

public class ModelFreezerTests
{
    private const string Http = """
        defaults
         mode http
         timeout connect 5s
         timeout client 5s
         timeout server 5s
         cookie SRV insert indirect domain .example.com maxidle 30m
        frontend f 127.0.0.1:80
         acl api path_beg /api
         block if { src 10.0.0.0/8 }
         http-request auth realm Admin if api
         reqirep ^Host:\ (.*) Host:\ x
         reqadd X-A:\ 1
         redirect prefix https://x code 301 drop-query if api
         use_backend b if api
         capture request header Host len 40
         default_backend b
        backend b
         balance uri len 10 depth 2
         server s 127.0.0.1:81 check inter 3s maxconn 10
        """;

    [Fact]
    public void Freeze_HttpFrontend_KeepsRulesInOrderWithConditions()
    {
        var (r, err) = CheckRun.Run(Http);

        // the capture alone turns logging on, and there is no log target
        Assert.Equal("[WARNING] config : log format ignored for frontend 'f' since it has no log address.\n", err);
        var f = r.Document!.FindProxy("f", ProxyCapabilities.Frontend)!;
        Assert.Equal("b", f.SwitchingRules.Single().Backend);
        Assert.Equal(HttpRequestAction.Auth, f.HttpRequestRules.Single().Action);
        Assert.Equal("Admin", f.HttpRequestRules[0].Realm);
        var redirect = f.RedirectRules.Single();
        Assert.Equal((RedirectType.Prefix, "https://x", 301, true), (redirect.Type, redirect.Destination, redirect.Code, redirect.DropQuery));
        Assert.NotNull(redirect.Condition);
        var rx = f.RegexRules.Single();
        Assert.Equal((true, RegexAction.Replace, "Host: x"), (rx.Request, rx.Action, rx.Replacement));
        Assert.True(rx.Regex.IgnoreCase);
        Assert.Equal("X-A: 1", f.HeaderAddRules.Single().Header);
        Assert.Equal("block", f.ConditionRules.Single().Keyword);
        Assert.Equal(new CaptureHeader("Host", 40), f.RequestCaptures.Single());
    }

    [Fact]
    public void Freeze_Backend_InheritsCookieAndKeepsBalanceParameters()
    {
        var (r, _) = CheckRun.Run(Http);
        var b = r.Document!.FindProxy("b", ProxyCapabilities.Backend)!;
        Assert.Equal("SRV", b.CookieName);
        Assert.Equal([".example.com"], b.CookieDomains);
        Assert.Equal(1800u, b.CookieMaxIdle);
        Assert.Equal((BalanceAlgorithm.Uri, 10, 2), (b.Balance, b.UriLengthLimit, b.UriDepthLimit));
        var s = b.Servers.Single();
        Assert.Equal((3000, 10, 10, true), (s.Inter, s.MaxConn, s.MinConn, s.Check));
        Assert.Equal(5000u, b.Timeouts.Queue);
    }

    [Fact]
    public void Freeze_Frontend_DoesNotGetBackendCookie()
    {
        var (r, _) = CheckRun.Run(Http);
        Assert.Null(r.Document!.FindProxy("f", ProxyCapabilities.Frontend)!.CookieName);
    }
}
