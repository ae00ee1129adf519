using HaproxyNet.Core.Http.Rules;
using static HaproxyNet.Core.Tests.Http.Rules.RuleHarness;

namespace HaproxyNet.Core.Tests.Http.Rules;

/// <summary>redirect (HTTP-MODE §9) and http-request auth with userlists (§4 step 6), bytes as 1.4.25 sends them.</summary>
public class RedirectAndAuthTests
{
    private const string Userlist = "userlist L1\n    group G1 users alice\n    group G2\n    user alice insecure-password secret\n"
        + "    user carol insecure-password pw groups G2\n";

    private const string Challenge = "HTTP/1.0 401 Unauthorized\r\nCache-Control: no-cache\r\nConnection: close\r\nContent-Type: text/html\r\n"
        + "WWW-Authenticate: Basic realm=\"Secret Zone\"\r\n\r\n<html><body><h1>401 Unauthorized</h1>\nYou need a valid user and password to access this content.\n</body></html>\n";

    [Fact]
    public void RedirectPrefix_Code301_PathAndQueryKept()
    {
        var x = Run(Listen("    redirect prefix http://example.com code 301 if { path_beg /r1 }\n"), "GET /r1/a?b=c HTTP/1.1\r\nHost: h\r\n\r\n");
        Assert.Equal("HTTP/1.1 301 Moved Permanently\r\nContent-length: 0\r\nLocation: http://example.com/r1/a?b=c\r\nConnection: close\r\n\r\n", x.Response);
        Assert.Equal(string.Empty, x.ServerSaw);
        Assert.Contains(" fe fe/<NOSRV> 0/-1/-1/-1/0 301 ", x.Line, StringComparison.Ordinal);
        Assert.Contains(" PR-- ", x.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void RedirectLocation_SetCookie_EmptyLineAfterTheCookieAs14()
    {
        var x = Run(Listen("    redirect location /loc set-cookie FOO=bar\n"), "GET /r2 HTTP/1.1\r\nHost: h\r\n\r\n");
        Assert.Equal("HTTP/1.1 302 Found\r\nCache-Control: no-cache\r\nContent-length: 0\r\nLocation: /loc\r\nSet-Cookie: FOO=bar; path=/;\r\n\r\nConnection: close\r\n\r\n", x.Response);
    }

    [Fact]
    public void RedirectLocation_ClearCookie_MaxAgeZero()
    {
        var x = Run(Listen("    redirect location http://x/ clear-cookie FOO=\n"), "GET /r3 HTTP/1.0\r\nHost: h\r\n\r\n");
        Assert.Equal("HTTP/1.1 302 Found\r\nCache-Control: no-cache\r\nContent-length: 0\r\nLocation: http://x/\r\nSet-Cookie: FOO=; path=/; Max-Age=0;\r\n\r\nConnection: close\r\n\r\n", x.Response);
    }

    [Fact]
    public void RedirectPrefixSlash_DropQueryAppendSlash_SelfRedirect()
    {
        var x = Run(Listen("    redirect prefix / drop-query append-slash\n"), "GET /r4/x?y HTTP/1.1\r\nHost: h\r\n\r\n");
        Assert.Equal("HTTP/1.1 302 Found\r\nCache-Control: no-cache\r\nContent-length: 0\r\nLocation: /r4/x/\r\nConnection: close\r\n\r\n", x.Response);
    }

    [Fact]
    public void RedirectPrefix_Code303_PrefixAndPath()
    {
        var x = Run(Listen("    redirect prefix /p code 303\n"), "GET /r5/x?y HTTP/1.1\r\nHost: h\r\n\r\n");
        Assert.Equal("HTTP/1.1 303 See Other\r\nCache-Control: no-cache\r\nContent-length: 0\r\nLocation: /p/r5/x?y\r\nConnection: close\r\n\r\n", x.Response);
    }

    [Fact]
    public void RedirectRelative_ServerCloseMode_ConnectionKeptAndNextRequestsLogged()
    {
        var h = HttpHarness.FromConfig(Defaults + "listen fe\n    bind 127.0.0.1:10001\n    option http-server-close\n"
            + "    redirect location /home if { path_beg /r }\n    server s1 127.0.0.1:20001\n");
        HttpHarness.HttpServer(h);
        h.Start();
        var c = h.AddClient(HttpHarness.FePort, 0, [HttpHarness.Get("/r1"), HttpHarness.Get("/r2"), HttpHarness.Get("/plain", "Connection: close\r\n")]);
        h.RunFor(200);

        Assert.Equal(3, c.ResponsesReceived);
        Assert.StartsWith("HTTP/1.1 302 Found\r\nCache-Control: no-cache\r\nContent-length: 0\r\nLocation: /home\r\n\r\nHTTP/1.1 302 Found", HttpHarness.Received(c), StringComparison.Ordinal);
        var lines = HttpHarness.SessionLines(h);
        Assert.Equal(3, lines.Count);
        Assert.Contains(" fe fe/<NOSRV> 0/-1/-1/-1/0 302 83 - - PR-- 1/1/0/0/0 0/0 \"GET /r1 HTTP/1.1\"", lines[0], StringComparison.Ordinal);
        Assert.Contains(" 302 83 - - PR-- ", lines[1], StringComparison.Ordinal);

        // 1.4.25 keeps the session's termination flags across transactions (golden rules-redirects).
        Assert.Contains(" fe fe/s1 ", lines[2], StringComparison.Ordinal);
        Assert.Contains(" 200 ", lines[2], StringComparison.Ordinal);
        Assert.Contains(" PR-- ", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void HttpRequestAuth_NoCredentials_401WithRealm()
    {
        var cfg = Listen("    acl ok http_auth(L1)\n    http-request auth realm Secret\\ Zone if !ok\n", Userlist);
        var x = Run(cfg, "GET /auth HTTP/1.1\r\nHost: h\r\n\r\n");
        Assert.Equal(Challenge, x.Response);
        Assert.Contains(" 401 ", x.Line, StringComparison.Ordinal);
        Assert.Contains(" PR-- ", x.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpRequestAuth_GoodInsecurePassword_Forwarded()
    {
        var cfg = Listen("    acl ok http_auth(L1)\n    http-request auth realm Secret\\ Zone if !ok\n", Userlist);
        var x = Run(cfg, "GET /auth HTTP/1.0\r\nHost: h\r\nAuthorization: Basic YWxpY2U6c2VjcmV0\r\n\r\n");
        Assert.Contains(" 200 ", x.Line, StringComparison.Ordinal);
        x = Run(cfg, "GET /auth HTTP/1.1\r\nHost: h\r\nAuthorization: Basic YWxpY2U6d3Jvbmc=\r\n\r\n"); // alice:wrong
        Assert.Equal(Challenge, x.Response);
    }

    [Fact]
    public void HttpAuthGroup_MemberByGroupLineOrUserLine_Matches()
    {
        var cfg = Listen("    acl g1 http_auth_group(L1) G1\n    http-request deny unless g1\n", Userlist);
        Assert.Contains(" 200 ", Run(cfg, "GET / HTTP/1.0\r\nAuthorization: Basic YWxpY2U6c2VjcmV0\r\n\r\n").Line, StringComparison.Ordinal);
        Assert.Contains(" 403 ", Run(cfg, "GET / HTTP/1.0\r\nAuthorization: Basic Y2Fyb2w6cHc=\r\n\r\n").Line, StringComparison.Ordinal); // carol:pw is in G2
        cfg = Listen("    acl g2 http_auth_group(L1) G2\n    http-request deny unless g2\n", Userlist);
        Assert.Contains(" 200 ", Run(cfg, "GET / HTTP/1.0\r\nAuthorization: Basic Y2Fyb2w6cHc=\r\n\r\n").Line, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpRequestAuth_NoRealm_ProxyNameAsRealm()
    {
        var x = Run(Listen("    http-request auth\n"), "GET / HTTP/1.0\r\n\r\n");
        Assert.Contains("WWW-Authenticate: Basic realm=\"fe\"\r\n", x.Response, StringComparison.Ordinal);
    }

    [Fact]
    public void UserList_SecurePassword_VerifiedThroughTheCryptSeam()
    {
        var list = new UserListRt("L", [], [new UserRt("bob"u8.ToArray(), "HASH", false, 0)]);
        Assert.False(list.Check(0, "bob"u8, "pw"u8, null));
        Assert.True(list.Check(0, "bob"u8, "pw"u8, new FakeCrypt("pw", "HASH")));
        Assert.False(list.Check(0, "bob"u8, "no"u8, new FakeCrypt("pw", "HASH")));
        Assert.False(list.Check(0, "eve"u8, "pw"u8, new FakeCrypt("pw", "HASH")));
    }

    private sealed class FakeCrypt(string pass, string hash) : IPasswordCrypt
    {
        public bool Verify(ReadOnlySpan<byte> password, string h) => h == hash && password.SequenceEqual(System.Text.Encoding.ASCII.GetBytes(pass));
    }
}
