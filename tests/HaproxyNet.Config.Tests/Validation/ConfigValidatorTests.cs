namespace HaproxyNet.Config.Tests.Validation;

public class ConfigValidatorTests
{
    private static (Config.ConfigLoadResult Result, string Stderr) Run(string body) => CheckRun.Run(CheckRun.Timeouts + body);

    [Fact]
    public void ProxyIds_CursorRule_SkipsExplicitIdsButAdvances()
    {
        var (r, _) = Run("listen a 127.0.0.1:1\nlisten b 127.0.0.1:2\n id 5\nlisten c 127.0.0.1:3\nbackend d\n");
        Assert.Equal([1, 5, 3, 4], r.Document!.Proxies.Select(p => p.Id));
    }

    [Fact]
    public void ServerIds_CursorRule_SkipsExplicitIds()
    {
        var (r, _) = Run("listen l 127.0.0.1:1\n server s1 127.0.0.1:2 id 3\n server s2 127.0.0.1:2\n server s3 127.0.0.1:2\n");
        Assert.Equal([3, 2, 4], r.Document!.Proxies[0].Servers.Select(s => s.Id));
    }

    [Fact]
    public void QueueTimeout_Unset_FallsBackToConnect()
    {
        var (r, _) = Run("backend b\n timeout connect 7s\n");
        Assert.Equal(7000u, r.Document!.Proxies[0].Timeouts.Queue);
        Assert.Equal(7000u, r.Document.Proxies[0].Timeouts.Tarpit);
    }

    [Fact]
    public void Fullconn_PureBackendWithoutMaxconn_IsZeroAndMinconnFatal()
    {
        var (r, err) = Run("backend b\n server s 127.0.0.1:80 minconn 1 maxconn 10\n");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(
            "[ALERT] config : backend 'b' : fullconn is mandatory when minconn is set on a server.\n"
            + "[ALERT] Fatal errors found in configuration.\n",
            err);
    }

    [Fact]
    public void Minconn_AboveMaxconn_RaisesMaxconn()
    {
        var (r, _) = Run("backend b\n server s 127.0.0.1:80 minconn 20 maxconn 10\n");
        Assert.Equal((20, 20), (r.Document!.Proxies[0].Servers[0].MinConn, r.Document.Proxies[0].Servers[0].MaxConn));
    }

    [Fact]
    public void Maxconn_WithoutMinconn_CopiedToMinconn()
    {
        var (r, _) = Run("backend b\n server s 127.0.0.1:80 maxconn 10\n");
        Assert.Equal(10, r.Document!.Proxies[0].Servers[0].MinConn);
    }

    [Fact]
    public void DisabledFrontend_UnknownDefaultBackend_Accepted()
    {
        var (r, err) = Run("frontend f 127.0.0.1:80\n disabled\n default_backend nowhere\n");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", err);
    }

    [Fact]
    public void TcpFrontend_HttpBackend_Allowed()
    {
        var (r, err) = Run("frontend f 127.0.0.1:80\n default_backend b\nbackend b\n mode http\n");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", err);
    }

    [Fact]
    public void UseBackend_Self_LoopDetected()
    {
        var (_, err) = Run("listen l 127.0.0.1:80\n use_backend l if TRUE\n");
        Assert.StartsWith("[ALERT] Proxy 'l': loop detected for use_backend: 'l'.\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Track_TargetWithoutCheck_Fatal()
    {
        var (_, err) = Run("backend b\n server s1 127.0.0.1:80\n server s2 127.0.0.1:81 track s1\n");
        Assert.StartsWith("[ALERT] config : backend 'b', server 's2': unable to use b/s1 for tracking as it does not have checks enabled.\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Track_UnknownProxy_Fatal()
    {
        var (_, err) = Run("backend b\n server s2 127.0.0.1:81 track x/s1\n");
        Assert.StartsWith("[ALERT] config : backend 'b', server 's2': unable to find required proxy 'x' for tracking.\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void HealthModeBackend_Fatal()
    {
        var (_, err) = Run("backend b\n mode health\n");
        Assert.StartsWith("[ALERT] config : backend 'b' cannot be in health mode as it has no frontend capability.\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void DisableOn404WithoutHttpchk_Warning()
    {
        var (_, err) = Run("backend b\n mode http\n http-check disable-on-404\n");
        Assert.Equal("[WARNING] config : 'disable-on-404' will be ignored for backend 'b' (requires 'option httpchk').\n", err);
    }

    [Fact]
    public void TransparentWithBalance_Fatal()
    {
        var (_, err) = Run("backend b\n option transparent\n balance roundrobin\n");
        Assert.StartsWith("[ALERT] config : backend 'b' cannot use both transparent and balance mode.\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void BackendWithoutBalance_GetsRoundRobin()
    {
        var (r, _) = Run("backend b\n");
        Assert.Equal(Model.BalanceAlgorithm.RoundRobin, r.Document!.Proxies[0].Balance);
    }

    [Fact]
    public void StatsAuthWithHttpRequest_Fatal()
    {
        var (_, err) = CheckRun.Run(CheckRun.Timeouts + " mode http\nlisten l 127.0.0.1:80\n stats auth a:b\n stats http-request allow\n");
        Assert.StartsWith("[ALERT] proxy 'l': stats 'auth'/'realm' and 'http-request' can't be used at the same time.\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void UserlistUnknownGroup_Fatal()
    {
        var (_, err) = Run("userlist u\n user a insecure-password x groups g\nlisten l 127.0.0.1:80\n");
        Assert.Equal("[ALERT] userlist 'u': no such group 'g' specified in user 'a'\n[ALERT] Fatal errors found in configuration.\n", err);
    }

    [Fact]
    public void HttpAuthAcl_UnknownUserlist_Fatal()
    {
        var (_, err) = CheckRun.Run(CheckRun.Timeouts + " mode http\nlisten l 127.0.0.1:80\n acl ok http_auth(nope)\n block unless ok\n");
        Assert.StartsWith("[ALERT] proxy l: acl ok http_auth(nope): unable to find userlist.\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void ServerRedirInTcp_Fatal_CookieOnlyWarns()
    {
        var (r, err) = Run("listen l 127.0.0.1:80\n server s 127.0.0.1:81 cookie c\n");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("[WARNING] config : proxy 'l' : ignoring cookie for server 's' as HTTP mode is disabled.\n", err);
        var (r2, err2) = Run("listen l 127.0.0.1:80\n server s 127.0.0.1:81 redir http://x\n");
        Assert.Equal(1, r2.ExitCode);
        Assert.StartsWith("[ALERT] config : proxy 'l' : server cannot have cookie or redirect prefix in non-HTTP mode.\n", err2, StringComparison.Ordinal);
    }

    [Fact]
    public void NbprocAboveOne_StatsProxyOnAllProcesses_Warns()
    {
        var (_, err) = CheckRun.Run("global\n nbproc 2\n" + CheckRun.Timeouts + " mode http\nlisten l 127.0.0.1:80\n stats enable\nlisten m 127.0.0.1:81\n bind-process 1\n stats enable\n");
        Assert.Equal("[WARNING] Proxy 'l': in multi-process mode, stats will be limited to process assigned to the current request.\n", err);
    }

    [Fact]
    public void SocketStats_UnnamedListeners_GetSockId()
    {
        var (r, _) = Run("listen l 127.0.0.1:80-81\n option socket-stats\n bind 127.0.0.1:90 name web\n");
        Assert.Equal(["sock-1", "sock-2", "web"], r.Document!.Proxies[0].Listeners.Select(l => l.Name));
    }

    [Fact]
    public void HttpFrontend_SmartAcceptOnUnlessNegated()
    {
        var (r, _) = CheckRun.Run(CheckRun.Timeouts + " mode http\nfrontend f 127.0.0.1:80\nfrontend g 127.0.0.1:81\n no option tcp-smart-accept\n");
        Assert.Contains("tcp-smart-accept", r.Document!.Proxies[0].Options);
        Assert.DoesNotContain("tcp-smart-accept", r.Document.Proxies[1].Options);
    }

    [Theory]
    [InlineData("backend b\n stick on src\n", "[ALERT] Proxy 'b': stick-table 'b' used but not configured.\n")]
    [InlineData("backend b\n stick match src table t\n", "[ALERT] Proxy 'b': unable to find stick-table 't'.\n")]
    [InlineData("backend b\n stick store-response src\n", "[ALERT] parsing [t.cfg:6] : 'stick': fetch method 'src' can not be used on response.\n")]
    public void StickRules_BadTable_Fatal(string body, string first)
    {
        var (r, err) = Run(body);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith(first, err, StringComparison.Ordinal);
    }

    [Fact]
    public void StickRule_OtherBackendTable_Accepted()
    {
        var (r, err) = Run("backend t\n stick-table type ip size 1m\nbackend b\n stick on src table t\n");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", err);
    }

    [Fact]
    public void HttpAuthGroup_UnknownGroup_StopsAtFirstUnknownName()
    {
        var (_, err) = CheckRun.Run(CheckRun.Timeouts + " mode http\nuserlist u\n group adm\n user a insecure-password x groups adm\n"
            + "listen l 127.0.0.1:80\n acl g http_auth_group(u) adm nosuch other\n block unless g\n");
        Assert.Equal(
            "[ALERT] No such group 'nosuch' in userlist 'u'.\n"
            + "[ALERT] proxy l: acl g http_auth_group(): invalid group(s).\n"
            + "[ALERT] Fatal errors found in configuration.\n",
            err);
    }

    [Fact]
    public void UserlistCheck_NewestUserReportedFirst()
    {
        var (_, err) = Run("userlist u\n user a insecure-password x groups g1\n user b insecure-password x groups g2\nlisten l 127.0.0.1:80\n");
        Assert.StartsWith("[ALERT] userlist 'u': no such group 'g2' specified in user 'b'\n", err, StringComparison.Ordinal);
    }
}
