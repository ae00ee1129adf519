namespace HaproxyNet.Config.Tests.Parsing.Sections;

public class ProxyParserTests
{
    private static (Config.ConfigLoadResult Result, string Stderr) Run(string body) => CheckRun.Run(CheckRun.Timeouts + body);

    [Fact]
    public void Maxconn_InBackend_WarnsButBecomesFullconn()
    {
        var (r, err) = Run("backend b\n maxconn 50\n server s 127.0.0.1:80 minconn 5 maxconn 20\n");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("[WARNING] parsing [t.cfg:6] : 'maxconn' ignored because backend 'b' has no frontend capability. Maybe you want 'fullconn' instead ?\n", err);
        Assert.Equal(50, r.Document!.Proxies[0].FullConn);
    }

    [Fact]
    public void Fullconn_InFrontend_WarnsWithHint()
    {
        var (_, err) = Run("frontend f 127.0.0.1:80\n fullconn 10\n");
        Assert.Equal("[WARNING] parsing [t.cfg:6] : 'fullconn' ignored because frontend 'f' has no backend capability. Maybe you want 'maxconn' instead ?\n", err);
    }

    [Fact]
    public void Server_InFrontend_WarningTextButRejected()
    {
        var (r, err) = Run("frontend f 127.0.0.1:80\n server s 127.0.0.1:81\n");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(
            "[WARNING] parsing [t.cfg:6] : 'server' ignored because frontend 'f' has no backend capability.\n"
            + "[ALERT] Error(s) found in configuration file : t.cfg\n"
            + "[ALERT] Fatal errors found in configuration.\n",
            err);
    }

    [Fact]
    public void OptionKeepalive_AlwaysNotEnoughCapability()
    {
        var (r, err) = Run("listen l 127.0.0.1:80\n option keepalive\n");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("[WARNING] parsing [t.cfg:6] : 'keepalive' ignored because proxy 'l' has not enough capability.\n", err);
    }

    [Theory]
    [InlineData(" option httpclose\n", "[WARNING] config : 'option httpclose' ignored for proxy 'l' as it requires HTTP mode.\n")]
    [InlineData(" option forwardfor\n", "[WARNING] config : 'option forwardfor' ignored for proxy 'l' as it requires HTTP mode.\n")]
    [InlineData(" stats enable\n", "[WARNING] config : 'stats' statement ignored for proxy 'l' as it requires HTTP mode.\n")]
    [InlineData(" cookie SRV insert\n", "[WARNING] config : cookie will be ignored for proxy 'l' (needs 'mode http').\n")]
    [InlineData(" balance uri\n", "[WARNING] config : Layer 7 hash not possible for proxy 'l' (needs 'mode http'). Falling back to round robin.\n")]
    [InlineData(" monitor-uri /m\n", "[WARNING] config : monitor-uri will be ignored for proxy 'l' (needs 'mode http').\n")]
    [InlineData(" reqdel ^X-A\n", "[WARNING] config : client regular expressions will be ignored for proxy 'l' (needs 'mode http').\n")]
    [InlineData(" rspdel ^X-A\n", "[WARNING] config : server regular expressions will be ignored for proxy 'l' (needs 'mode http').\n")]
    public void HttpOnlySetting_InTcpListen_PostParseWarning(string line, string expected)
    {
        var (r, err) = Run("listen l 127.0.0.1:80\n" + line);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(expected, err);
    }

    [Theory]
    [InlineData(" option http-keep-alive\n", "[ALERT] parsing [t.cfg:6] : unknown option 'http-keep-alive'.\n")]
    [InlineData(" option splice-auto\n", "[ALERT] parsing [t.cfg:6] : unknown option 'splice-auto'.\n")]
    [InlineData(" no option httplog\n", "[ALERT] parsing [t.cfg:6]: negation/default is not supported for option 'httplog'.\n")]
    [InlineData(" option\n", "[ALERT] parsing [t.cfg:6]: 'option' expects an option name.\n")]
    [InlineData(" option httplog cl\n", "[ALERT] parsing [t.cfg:6] : keyword 'cl' only supports option 'clf'.\n")]
    [InlineData(" mode ftp\n", "[ALERT] parsing [t.cfg:6] : unknown proxy mode 'ftp'.\n")]
    [InlineData(" timeout tunnel 1h\n", "[ALERT] parsing [t.cfg:6] : timeout 'tunnel': must be 'client', 'server', 'connect', 'check', 'queue', 'http-keep-alive', 'http-request' or 'tarpit'\n")]
    [InlineData(" timeout http-request\n", "[ALERT] parsing [t.cfg:6] : http-request timeout expects an integer value (in milliseconds)\n")]
    [InlineData(" contimeout 5x\n", "[ALERT] parsing [t.cfg:6] : unexpected character 'x' in connect timeout\n")]
    [InlineData(" bind :443 ssl crt /x.pem\n", "[ALERT] parsing [t.cfg:6] : 'bind' only supports the 'transparent', 'defer-accept', 'name', 'id', 'mss' and 'interface' options.\n")]
    [InlineData(" bind :80 transparent\n", "[ALERT] parsing [t.cfg:6] : 'bind' : 'transparent' option not implemented.\n")]
    [InlineData(" server s 127.0.0.1:80 check inter 0\n", "[ALERT] parsing [t.cfg:6]: invalid value 0 for argument 'inter' of server s.\n")]
    [InlineData(" server s 127.0.0.1:80 rise 0\n", "[ALERT] parsing [t.cfg:6]: 'rise' has to be > 0.\n")]
    [InlineData(" server s 127.0.0.1:80 weight 257\n", "[ALERT] parsing [t.cfg:6] : weight of server s is not within 0 and 256 (257).\n")]
    [InlineData(" server s 127.0.0.1:80 slowstart 1x\n", "[ALERT] parsing [t.cfg:6] : unexpected character 'x' in 'slowstart' argument of server s.\n")]
    [InlineData(" server s 127.0.0.1:80 observe layer9\n", "[ALERT] parsing [t.cfg:6]: 'observe' expects one of 'none', 'layer4', 'layer7' but got 'layer9'\n")]
    [InlineData(" server s 127.0.0.1:80 source 0.0.0.0 usesrc clientip\n", "[ALERT] parsing [t.cfg:6] : 'usesrc' not allowed here because support for TPROXY was not compiled in.\n")]
    [InlineData(" server s/x 127.0.0.1:80\n", "[ALERT] parsing [t.cfg:6] : character '/' is not permitted in server name 's/x'.\n")]
    [InlineData(" server s db.internal:5432\n", "[ALERT] parsing [t.cfg:6] : Unknown host in 'db.internal:5432'\n")]
    [InlineData(" default-server inter 2s check\n", "[ALERT] parsing [t.cfg:6]: default-server only supports options 'on-error', 'error-limit', 'inter', 'fastinter', 'downinter', 'rise', 'fall', 'port', 'minconn', 'maxconn', 'maxqueue', 'slowstart' and 'weight'.\n")]
    [InlineData(" balance\tfastest\n", "[ALERT] parsing [t.cfg:6] : 'balance' only supports 'roundrobin', 'static-rr', 'leastconn', 'source', 'uri', 'url_param', 'hdr(name)' and 'rdp-cookie(name)' options.\n")]
    [InlineData(" cookie S insert rewrite\n", "[ALERT] parsing [t.cfg:6] : cookie 'rewrite', 'insert' and 'prefix' modes are incompatible.\n")]
    [InlineData(" redirect scheme https code 304\n", "[ALERT] parsing [t.cfg:6] : 'redirect': unsupported HTTP code '304' (must be one of 301, 302, 303, 307 or 308).\n")]
    [InlineData(" use_backend b\n", "[ALERT] parsing [t.cfg:6] : 'use_backend' requires either 'if' or 'unless' followed by a condition.\n")]
    [InlineData(" stick-table type ipv6 size 1m\n", "[ALERT] parsing [t.cfg:6] : stick-table: unknown type 'ipv6'.\n")]
    [InlineData(" stick-table type ip\n", "[ALERT] parsing [t.cfg:6] : stick-table: missing size.\n")]
    [InlineData(" stats show-modules\n", "[ALERT] parsing [t.cfg:6]: unknown stats parameter 'show-modules', expects 'admin', 'uri', 'realm', 'auth', 'scope', 'enable', 'hide-version', 'show-node', 'show-desc' or 'show-legends'.\n")]
    [InlineData(" tcp-request connection reject\n", "[ALERT] parsing [t.cfg:6] : unknown argument 'connection' after 'tcp-request' in proxy 'l'\n")]
    [InlineData(" tcp-request content drop\n", "[ALERT] parsing [t.cfg:6] : 'tcp-request content' expects 'accept' or 'reject', in proxy 'l' (was 'drop')\n")]
    [InlineData(" reqrep ^(.*\n", "[ALERT] parsing [t.cfg:6] : 'reqrep' expects <search> and <replace> as arguments.\n")]
    [InlineData(" errorfile 503 /nonexistent/503.http\n", "[ALERT] parsing [t.cfg:6] : error opening file </nonexistent/503.http> for custom error message <503>.\n")]
    [InlineData(" acl a nosuch_fetch x\n", "[ALERT] parsing [t.cfg:6] : error detected while parsing ACL 'a'.\n")]
    [InlineData(" http-response set-header X 1\n", "[ALERT] parsing [t.cfg:6] : unknown keyword 'http-response' in 'listen' section\n")]
    public void Keyword_BadUse_ExactFatalText(string line, string first)
    {
        var (r, err) = Run("listen l 127.0.0.1:80\n" + line);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith(first, err, StringComparison.Ordinal);
        Assert.EndsWith("[ALERT] Fatal errors found in configuration.\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpRequest_UnknownAction_AbortsParsing()
    {
        var (r, err) = Run("listen l 127.0.0.1:80\n http-request set-header X-A 1\n bogus\n");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(
            "[ALERT] parsing [t.cfg:6]: unknown parameter 'X-A', expects 'allow', 'deny', 'auth'.\n"
            + "[ALERT] Error(s) found in configuration file : t.cfg\n",
            err);
    }

    [Fact]
    public void NoPrefix_BeforeOtherKeyword_AlertsThenRunsLine()
    {
        var (r, err) = Run("listen l 127.0.0.1:80\n no mode http\n");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("[ALERT] parsing [t.cfg:6]: negation/default currently supported only for options.\n", err, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown keyword", err, StringComparison.Ordinal);
    }

    [Fact]
    public void NoOption_OverridesDefaults()
    {
        var (r, err) = CheckRun.Run(CheckRun.Timeouts + " mode http\n option httpclose\nlisten l 127.0.0.1:80\n no option httpclose\n");
        Assert.Equal("", err);
        Assert.DoesNotContain("httpclose", r.Document!.Proxies[0].Options);
    }

    [Fact]
    public void TimeoutDifferentFromDefaults_OverwritingWarning()
    {
        var (_, err) = Run("listen l 127.0.0.1:80\n timeout client 10s\n timeout client 20s\n");
        // the first line still finds the inherited value (equal to defaults); the second does not
        Assert.Equal("[WARNING] parsing [t.cfg:7] : overwriting client timeout which was already specified\n", err);
    }

    [Fact]
    public void TimeoutSameAsDefaults_NoWarning()
    {
        var (_, err) = Run("listen l 127.0.0.1:80\n timeout client 5s\n");
        Assert.Equal("", err);
    }

    [Fact]
    public void TimeoutClient_InBackend_IgnoredWarningValueStored()
    {
        var (r, err) = Run("backend b\n timeout client 1s\n");
        Assert.Equal("[WARNING] parsing [t.cfg:6] : client timeout will be ignored because backend 'b' has no frontend capability\n", err);
        Assert.Equal(1000u, r.Document!.Proxies[0].Timeouts.Client);
    }

    [Fact]
    public void DuplicateListenName_WarnsWithProxyKind()
    {
        var (r, err) = Run("listen l 127.0.0.1:80\nlisten l 127.0.0.1:81\n");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("[WARNING] Parsing [t.cfg:6]: proxy 'l' has same name as another proxy (declared at t.cfg:5).\n", err);
    }

    [Fact]
    public void ThirdListenWithSameName_WarnsAgainstNewestFirst()
    {
        var (_, err) = Run("listen l 127.0.0.1:80\nlisten l 127.0.0.1:81\nlisten l 127.0.0.1:82\n");
        Assert.EndsWith(
            "[WARNING] Parsing [t.cfg:7]: proxy 'l' has same name as another proxy (declared at t.cfg:6).\n"
            + "[WARNING] Parsing [t.cfg:7]: proxy 'l' has same name as another proxy (declared at t.cfg:5).\n",
            err,
            StringComparison.Ordinal);
    }

    [Fact]
    public void FrontendBackendSameName_Allowed()
    {
        var (_, err) = Run("frontend x 127.0.0.1:80\n default_backend x\nbackend x\n");
        Assert.Equal("", err);
    }

    [Fact]
    public void StatsLineInProxy_DiscardsInheritedStats()
    {
        var (r, _) = CheckRun.Run(CheckRun.Timeouts + " mode http\n stats enable\n stats auth a:b\nlisten l 127.0.0.1:80\n stats uri /s\n");
        Assert.Empty(r.Document!.Proxies[0].Stats!.Users);
        Assert.Equal("/s", r.Document.Proxies[0].Stats!.Uri);
    }

    [Fact]
    public void ServerObserveLayer7_InTcp_NonFatalAlert()
    {
        var (r, err) = Run("listen l 127.0.0.1:80\n server s 127.0.0.1:81 observe layer7\n");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("[ALERT] parsing [t.cfg:6]: 'layer7' can only be used in http proxies.\n", err);
    }

    [Fact]
    public void ServerCheckWithoutAnyPort_UsesLastListenerPort()
    {
        var (r, err) = Run("listen l 127.0.0.1:8080-8082\n server s 127.0.0.1 check\n");
        Assert.Equal("", err);
        Assert.Equal(8082, r.Document!.Proxies[0].Servers[0].CheckPort);
    }

    [Fact]
    public void ServerCheckWithoutAnyPort_InBackend_IsFatal()
    {
        var (r, err) = Run("backend b\n server s 127.0.0.1 check\n");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("[ALERT] parsing [t.cfg:6] : server s has neither service port nor check port. Check has been disabled.\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Slowstart_IsStoredInSecondsRoundedUp()
    {
        var (r, _) = Run("listen l 127.0.0.1:80\n server s 127.0.0.1:81 slowstart 500ms\n");
        Assert.Equal(1, r.Document!.Proxies[0].Servers[0].SlowStartSeconds);
    }

    [Fact]
    public void DefaultServer_ValuesReachLaterServers()
    {
        var (r, _) = Run("listen l 127.0.0.1:80\n default-server inter 3s rise 5 weight 7\n server s 127.0.0.1:81\n");
        var s = r.Document!.Proxies[0].Servers[0];
        Assert.Equal((3000, 5, 7), (s.Inter, s.Rise, s.Weight));
    }

    [Fact]
    public void ServerWeight256_Accepted()
    {
        var (r, _) = Run("listen l 127.0.0.1:80\n server s 127.0.0.1:81 weight 256\n");
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void OptionSmtpchk_InFrontend_NoCapabilityWarning()
    {
        var (_, err) = Run("frontend f 127.0.0.1:80\n option smtpchk\n option httpchk\n");
        Assert.Equal("[WARNING] parsing [t.cfg:7] : 'httpchk' ignored because frontend 'f' has no backend capability.\n", err);
    }

    [Fact]
    public void HttpCheckExpect_TwiceInSection_Fatal()
    {
        var (_, err) = Run("backend b\n mode http\n option httpchk\n http-check expect status 200\n http-check expect status 201\n");
        Assert.StartsWith("[ALERT] parsing [t.cfg:9] : 'http-check expect' already specified.\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void RedispatchKeyword_DeprecatedWarning()
    {
        var (_, err) = Run("listen l 127.0.0.1:80\n redispatch\n");
        Assert.Equal("[WARNING] parsing [t.cfg:6]: keyword 'redispatch' is deprecated, please use 'option redispatch' instead.\n", err);
    }

    [Fact]
    public void ReqaddAfterUseBackend_MisplacedWarning()
    {
        var (_, err) = CheckRun.Run(CheckRun.Timeouts + " mode http\nfrontend f 127.0.0.1:80\n use_backend b if TRUE\n reqadd X-A:\\ 1\nbackend b\n");
        Assert.Equal("[WARNING] parsing [t.cfg:8] : a 'reqadd' rule placed after a 'use_backend' rule will still be processed before.\n", err);
    }

    [Theory]
    [InlineData("reqrep ^(.*)$ a\\", "reqrep")]
    [InlineData("reqirep ^x \\\\x4", "reqirep")]
    [InlineData("rsprep ^x \\\\xg0", "rsprep")]
    [InlineData("rspirep ^x a\\\\x", "rspirep")]
    public void RegexReplace_BadReplacement_AlertsNearBackslash(string line, string cmd)
    {
        var (r, err) = Run("listen l 127.0.0.1:80\n mode http\n " + line + "\n");

        Assert.Equal(
            $"[ALERT] parsing [t.cfg:7] : '{cmd}' : invalid character or unterminated sequence in replacement string near '\\'.\n"
            + "[ALERT] Error(s) found in configuration file : t.cfg\n"
            + "[ALERT] Fatal errors found in configuration.\n",
            err);
        Assert.False(r.IsValid);
    }

    [Theory]
    [InlineData("reqrep ^(.*)$ \\1\\x41\\0")]
    [InlineData("rspirep ^x y")]
    [InlineData("reqrep ^x \\\\x4f")]
    public void RegexReplace_ValidReplacement_Silent(string line)
    {
        var (r, err) = Run("listen l 127.0.0.1:80\n mode http\n " + line + "\n");

        Assert.Equal(string.Empty, err);
        Assert.True(r.IsValid);
    }

    [Fact]
    public void RegexReplace_BackslashBeforeLetter_DeprecationWarningPerSequence()
    {
        var (r, err) = Run("listen l 127.0.0.1:80\n mode http\n reqrep ^x \\\\a\\\\\\\\b\n");

        Assert.Equal(
            "[WARNING] '\\a' : deprecated use of a backslash before something not '\\','x' or a digit.\n"
            + "[WARNING] '\\\\' : deprecated use of a backslash before something not '\\','x' or a digit.\n",
            err);
        Assert.True(r.IsValid);
    }

    [Fact]
    public void RegexReplace_QuietLine_HidesDeprecationWarning()
    {
        var (_, err) = Run("global\n quiet\nlisten l 127.0.0.1:80\n mode http\n rsprep ^x \\\\a\n");

        Assert.Equal(string.Empty, err);
    }
}
