using System.Text;
using HaproxyNet.Core.Http.Persistence;
using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Http.HttpHarness;

namespace HaproxyNet.Core.Tests.Http.Persistence;

/// <summary>
/// Cookie persistence (HTTP-MODE §8) in virtual time: what the client and the servers see, and the log's cookie
/// fields. The log flags of every mode are also checked against 1.4.25 by the goldens cookie-persistence and
/// persist-cookie-modes.
/// </summary>
public class CookiePersistenceTests
{
    private const string Defaults = "defaults\n    mode http\n    log global\n    option httplog\n    timeout client 5s\n"
        + "    timeout server 5s\n    timeout connect 5s\n";

    private static string Listen(string backendLines) =>
        Defaults + "listen app\n    bind 127.0.0.1:10001\n" + backendLines
        + "    server a 127.0.0.1:20001 cookie a\n    server b 127.0.0.1:20002 cookie b\n";

    private static (SimServer A, SimServer B) Servers(EngineHarness h, params KeyValuePair<string, string>[] headers)
    {
        var a = h.Network.AddServer(EngineHarness.Ep(20001), SimServerKind.Http);
        a.Http = new SimHttpBehavior { Body = "A\n", Headers = headers };
        var b = h.Network.AddServer(EngineHarness.Ep(20002), SimServerKind.Http);
        b.Http = new SimHttpBehavior { Body = "B\n", Headers = headers };
        return (a, b);
    }

    private static SimClient Request(EngineHarness h, string path, string headers = "", int delayMs = 0)
    {
        var c = h.AddClient(FePort, delayMs, [Get(path, headers + "Connection: close\r\n"), new SimClientAction.RecvUntilClose()]);
        h.RunFor(delayMs + 100);
        return c;
    }

    [Fact]
    public void InsertIndirectNocache_NoCookie_SetCookieAndCachePrivateAddedLoggedNI()
    {
        var h = FromConfig(Listen("    cookie SRV insert indirect nocache domain .example.com httponly secure\n"));
        Servers(h);
        h.Start();

        var c = Request(h, "/");

        var text = Received(c);
        Assert.Contains("\r\nSet-Cookie: SRV=a; path=/; domain=.example.com; HttpOnly; Secure\r\nCache-control: private\r\n", text, StringComparison.Ordinal);
        Assert.Contains(" 200 ", Assert.Single(SessionLines(h)), StringComparison.Ordinal);
        Assert.Contains(" - - --NI ", SessionLines(h)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void InsertIndirect_CookieAmongOthers_RemovedBeforeTheServerAndPersisted()
    {
        var h = FromConfig(Listen("    cookie SRV insert indirect\n"));
        var (_, b) = Servers(h);
        h.Start();

        var c = Request(h, "/x", "Cookie: lang=fr; SRV=b; theme=dark\r\n");

        var seen = Encoding.Latin1.GetString([.. b.Received]);
        Assert.Contains("\r\nCookie: lang=fr; theme=dark\r\n", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("Set-Cookie", Received(c), StringComparison.Ordinal);
        var line = Assert.Single(SessionLines(h));
        Assert.Contains(" app app/b ", line, StringComparison.Ordinal);
        Assert.Contains(" --VN ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void InsertIndirect_OnlyOurCookie_WholeHeaderRemoved()
    {
        var h = FromConfig(Listen("    cookie SRV insert indirect\n"));
        var (_, b) = Servers(h);
        h.Start();

        Request(h, "/x", "Cookie: SRV=b\r\nX-After: 1\r\n");

        var seen = Encoding.Latin1.GetString([.. b.Received]);
        Assert.DoesNotContain("Cookie", seen, StringComparison.Ordinal);
        Assert.Contains("\r\nX-After: 1\r\n", seen, StringComparison.Ordinal);
    }

    [Fact]
    public void InsertIndirect_CookieFirstOfTwo_RemovedKeepingColonAndSpace()
    {
        var h = FromConfig(Listen("    cookie SRV insert indirect\n"));
        var (_, b) = Servers(h);
        h.Start();

        Request(h, "/x", "Cookie: SRV=b;  lang=fr\r\n");

        Assert.Contains("\r\nCookie: lang=fr\r\n", Encoding.Latin1.GetString([.. b.Received]), StringComparison.Ordinal);
    }

    [Fact]
    public void Prefix_ServerSetsCookie_PrefixedForTheClientAndStrippedOnTheWayBack()
    {
        var h = FromConfig(Listen("    cookie JSESSIONID prefix\n"));
        var (a, b) = Servers(h, new KeyValuePair<string, string>("Set-Cookie", "JSESSIONID=abc; path=/"));
        h.Start();

        var c1 = Request(h, "/login");
        Request(h, "/next", "Cookie: JSESSIONID=b~xyz\r\n");

        Assert.Contains("\r\nSet-Cookie: JSESSIONID=a~abc; path=/\r\n", Received(c1), StringComparison.Ordinal);
        Assert.Contains("\r\nCookie: JSESSIONID=xyz\r\n", Encoding.Latin1.GetString([.. b.Received]), StringComparison.Ordinal);
        var lines = SessionLines(h);
        Assert.Contains(" app app/a ", lines[0], StringComparison.Ordinal);
        Assert.Contains(" --NR ", lines[0], StringComparison.Ordinal);
        Assert.Contains(" app app/b ", lines[1], StringComparison.Ordinal);
        Assert.Contains(" --VR ", lines[1], StringComparison.Ordinal);
        Assert.Equal(1, a.Requests);
    }

    [Fact]
    public void Rewrite_ServerSetsCookie_ValueReplacedByServerCookie()
    {
        var h = FromConfig(Listen("    cookie SID rewrite\n"));
        Servers(h, new KeyValuePair<string, string>("Set-Cookie", "SID=secret-value; path=/"));
        h.Start();

        var c = Request(h, "/");

        Assert.Contains("\r\nSet-Cookie: SID=a; path=/\r\n", Received(c), StringComparison.Ordinal);
        Assert.Contains(" --NR ", Assert.Single(SessionLines(h)), StringComparison.Ordinal);
    }

    [Fact]
    public void Insert_ServerAlsoSetsTheCookie_ServerOneDeletedOursInserted()
    {
        var h = FromConfig(Listen("    cookie SRV insert\n"));
        Servers(h, new KeyValuePair<string, string>("Set-Cookie", "SRV=app-value"));
        h.Start();

        var c = Request(h, "/");

        var text = Received(c);
        Assert.DoesNotContain("app-value", text, StringComparison.Ordinal);
        Assert.Contains("\r\nSet-Cookie: SRV=a; path=/\r\n", text, StringComparison.Ordinal);
        Assert.Contains(" --NI ", Assert.Single(SessionLines(h)), StringComparison.Ordinal);
    }

    [Fact]
    public void InsertPreserve_ServerSetsTheCookie_LeftAloneLoggedP()
    {
        var h = FromConfig(Listen("    cookie SRV insert preserve\n"));
        Servers(h, new KeyValuePair<string, string>("Set-Cookie", "SRV=app-value"));
        h.Start();

        var c = Request(h, "/");

        var text = Received(c);
        Assert.Contains("\r\nSet-Cookie: SRV=app-value\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SRV=a;", text, StringComparison.Ordinal);
        Assert.Contains(" --NP ", Assert.Single(SessionLines(h)), StringComparison.Ordinal);
    }

    [Fact]
    public void InsertMaxIdleMaxLife_NoCookie_DatesOfNowAppended()
    {
        var h = FromConfig(Listen("    cookie SRV insert maxidle 1h maxlife 1d\n"));
        Servers(h);
        h.Start();

        var c = Request(h, "/");

        var now = h.Loop.Clock.DateUs / 1_000_000;
        Span<byte> date = stackalloc byte[5];
        CookieText.S30ToB64((int)((now + 3) >> 2), date);
        var d = Encoding.ASCII.GetString(date);
        Assert.Contains("\r\nSet-Cookie: SRV=a|" + d + "|" + d + "; path=/\r\n", Received(c), StringComparison.Ordinal);
    }

    [Fact]
    public void CaptureCookie_RequestAndResponse_BothLoggedUnencodedTruncated()
    {
        var h = FromConfig(Listen("    capture cookie SID len 8\n"));
        Servers(h, new KeyValuePair<string, string>("Set-Cookie", "SID=server-side; path=/"));
        h.Start();

        Request(h, "/", "Cookie: other=1; SID=client-side\r\n");

        var line = Assert.Single(SessionLines(h));
        Assert.Contains(" SID=clie SID=serv ---- ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ForcePersist_CookieOfDownServer_SentThere()
    {
        var h = FromConfig(Listen("    cookie SRV insert indirect\n    force-persist if { hdr(X-Force) 1 }\n"));
        var (a, b) = Servers(h);
        h.Loop.Proxies[0].Servers[1].State &= ~Core.Proxies.ServerState.Running;
        h.Start();

        Request(h, "/1", "Cookie: SRV=b\r\n");
        Request(h, "/2", "Cookie: SRV=b\r\nX-Force: 1\r\n");

        var lines = SessionLines(h);
        Assert.Contains(" app app/a ", lines[0], StringComparison.Ordinal);
        Assert.Contains(" --DI ", lines[0], StringComparison.Ordinal);
        Assert.Contains(" app app/b ", lines[1], StringComparison.Ordinal);
        Assert.Contains(" --DN ", lines[1], StringComparison.Ordinal);
        Assert.Equal(1, a.Requests);
        Assert.Equal(1, b.Requests);
    }

    [Fact]
    public void IgnorePersist_ValidCookie_BalancedAndNoCookieInserted()
    {
        var h = FromConfig(Listen("    cookie SRV insert indirect\n    ignore-persist if { path_beg /static }\n"));
        Servers(h);
        h.Start();

        var c = Request(h, "/static/x", "Cookie: SRV=b\r\n");

        Assert.DoesNotContain("Set-Cookie", Received(c), StringComparison.Ordinal);
        var line = Assert.Single(SessionLines(h));
        Assert.Contains(" app app/a ", line, StringComparison.Ordinal);
        Assert.Contains(" --IN ", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AAAAA", 0)]
    [InlineData("AAAAB", 1)]
    [InlineData("/////", 0x3FFFFFFF)]
    [InlineData("BAAAA", 1 << 24)]
    [InlineData("AA*AA", -1)]
    public void B64ToS30_FiveCharacters_DecodesMostSignificantFirst(string text, int expected)
    {
        Assert.Equal(expected, CookieText.B64ToS30(Encoding.ASCII.GetBytes(text)));
        if (expected >= 0)
        {
            Span<byte> back = stackalloc byte[5];
            CookieText.S30ToB64(expected, back);
            Assert.Equal(text, Encoding.ASCII.GetString(back));
        }
    }
}
