using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Http.HttpHarness;

namespace HaproxyNet.Core.Tests.Http.Persistence;

/// <summary>appsession learning, lookup and expiry, and server <c>redir</c>, in virtual time.</summary>
public class AppSessionAndRedirTests
{
    private const string Defaults = "defaults\n    mode http\n    log global\n    option httplog\n    timeout client 5s\n"
        + "    timeout server 5s\n    timeout connect 5s\n";

    private static void Servers(EngineHarness h)
    {
        var a = h.Network.AddServer(EngineHarness.Ep(20001), SimServerKind.Http);
        a.Http = new SimHttpBehavior
        {
            Body = "A\n",
            Routes = new Dictionary<string, SimHttpBehavior>
            {
                ["/login"] = new() { Body = "A\n", Headers = [new("Set-Cookie", "JSESSIONID=s1d; path=/")] },
            },
        };
        var b = h.Network.AddServer(EngineHarness.Ep(20002), SimServerKind.Http);
        b.Http = new SimHttpBehavior { Body = "B\n" };
    }

    private static void Request(EngineHarness h, string path, string headers = "")
    {
        h.AddClient(FePort, 0, [Get(path, headers + "Connection: close\r\n"), new SimClientAction.RecvUntilClose()]);
        h.RunFor(100);
    }

    private static string ServerOf(string line) => line.Split(' ')[3];

    [Fact]
    public void AppSession_LearntFromSetCookie_CookieAndUriParameterFollowItUntilExpiry()
    {
        var h = FromConfig(Defaults + "listen app\n    bind 127.0.0.1:10001\n    appsession JSESSIONID len 32 timeout 3s\n"
            + "    server a 127.0.0.1:20001\n    server b 127.0.0.1:20002\n");
        Servers(h);
        h.Start();

        Request(h, "/login");                                // a (round robin), learns s1d -> a
        Request(h, "/page", "Cookie: JSESSIONID=s1d\r\n");   // a by appsession (round robin says b)
        Request(h, "/page;jsessionid=s1d?x=1");              // a by the path parameter (case-insensitive name)
        Request(h, "/page", "Cookie: JSESSIONID=other\r\n"); // unknown id: round robin
        h.RunFor(10_000);                                    // timeout 3 s + the 5 s refresh period
        Request(h, "/page", "Cookie: JSESSIONID=s1d\r\n");   // forgotten: round robin

        var servers = SessionLines(h).Select(ServerOf).ToList();
        Assert.Equal(["app/a", "app/a", "app/a", "app/b", "app/a"], servers);
        Assert.Equal(0, h.Loop.Proxies[0].AppSession!.Count);
    }

    [Fact]
    public void AppSession_QueryStringMode_IdFoundAfterQuestionMark()
    {
        var h = FromConfig(Defaults + "listen app\n    bind 127.0.0.1:10001\n"
            + "    appsession JSESSIONID len 32 timeout 1h mode query-string\n"
            + "    server a 127.0.0.1:20001\n    server b 127.0.0.1:20002\n");
        Servers(h);
        h.Start();

        Request(h, "/login");
        Request(h, "/page?x=1&JSESSIONID=s1d");
        Request(h, "/page;JSESSIONID=s1d");

        Assert.Equal(["app/a", "app/a", "app/b"], SessionLines(h).Select(ServerOf).ToList());
    }

    [Fact]
    public void ServerRedir_Get_302ToPrefixPlusPathLoggedPC()
    {
        var h = FromConfig(Defaults + "listen app\n    bind 127.0.0.1:10001\n"
            + "    server r 127.0.0.1:20001 redir http://www.example.com\n");
        var s = h.Network.AddServer(EngineHarness.Ep(20001), SimServerKind.Http);
        h.Start();

        var c = h.AddClient(FePort, 0, [Get("/a/b?c=d"), new SimClientAction.RecvUntilClose()]);
        h.RunFor(100);

        Assert.Equal(
            "HTTP/1.1 302 Found\r\nCache-Control: no-cache\r\nContent-length: 0\r\nLocation: http://www.example.com/a/b?c=d\r\nConnection: close\r\n\r\n",
            Received(c));
        var line = Assert.Single(SessionLines(h));
        Assert.Contains(" app app/r ", line, StringComparison.Ordinal);
        Assert.Contains(" 302 ", line, StringComparison.Ordinal);
        Assert.Contains(" PC-- ", line, StringComparison.Ordinal);
        Assert.Equal(0, s.Accepted);
    }

    [Fact]
    public void ServerRedir_Post_ForwardedToTheServer()
    {
        var h = FromConfig(Defaults + "listen app\n    bind 127.0.0.1:10001\n"
            + "    server r 127.0.0.1:20001 redir http://www.example.com\n");
        var s = h.Network.AddServer(EngineHarness.Ep(20001), SimServerKind.Http);
        h.Start();

        h.AddClient(FePort, 0, [Send("POST /a HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\n\r\nx"), new SimClientAction.RecvUntilClose()]);
        h.RunFor(100);

        Assert.Equal(1, s.Accepted);
    }
}
