using HaproxyNet.Config.Lint;

namespace HaproxyNet.Config.Tests.Lint;

public partial class ConfigLintTests
{
    private const string Defaults = "defaults\n mode tcp\n timeout connect 5s\n timeout client 60s\n timeout server 60s\n";

    private const string Fixes = " Raise minconn, set it equal to maxconn, or lower fullconn to the expected load.";

    [Fact]
    public void Run_SeedIncident_ReportsBothServersFullconnAndTheConnectFallback()
    {
        var findings = ConfigLint.Run(LintLoad.Golden("seed-incident"));

        Assert.Equal(4, findings.Count);
        for (var i = 0; i < 2; i++)
        {
            var f = findings[i];
            Assert.Equal(LintCodes.DynamicMaxconnFloor, f.Code);
            Assert.Equal(LintSeverity.Warning, f.Severity);
            Assert.Equal(new Model.SourceSpan("haproxy.cfg", 22 + i), f.Span);
            Assert.Equal(
                $"listen 'rmi_registry' server 'rmi{i + 1}': dynamic maxconn stays at minconn=1 until the backend holds 20 sessions "
                + "(maxconn=10, fullconn=100); at low load the backend serves at most 2 sessions at once (minconn summed over its "
                + "2 active servers) and the rest queue for up to 5000 ms ('timeout connect', no 'timeout queue'), then fail with sQ "
                + "(logged as rmi_registry/<NOSRV> with Tw about 5000 ms)." + Fixes,
                f.Message);
        }

        Assert.Equal(LintCodes.FullconnAboveServerCapacity, findings[2].Code);
        Assert.Equal(LintSeverity.Notice, findings[2].Severity);
        Assert.Equal(new Model.SourceSpan("haproxy.cfg", 18), findings[2].Span);
        Assert.Equal(
            "listen 'rmi_registry': fullconn=100 is above the 20 sessions its 2 active servers accept at maxconn, so they reach "
            + "maxconn only once 100 sessions are on the backend; with 20 sessions on it they serve 4 and queue the rest.",
            findings[2].Message);

        Assert.Equal(LintCodes.QueueTimeoutFromConnect, findings[3].Code);
        Assert.Equal(LintSeverity.Notice, findings[3].Severity);
        Assert.Equal(new Model.SourceSpan("haproxy.cfg", 18), findings[3].Span);
        Assert.Equal(
            "listen 'rmi_registry': queued sessions expire after 5000 ms because no 'timeout queue' is set and 1.4 falls back "
            + "to its 'timeout connect'; set 'timeout queue' to how long a client may wait for a server slot.",
            findings[3].Message);
    }

    [Fact]
    public void Run_SeedFixed_ReportsNothing()
    {
        Assert.Empty(ConfigLint.Run(LintLoad.Golden("seed-fixed")));
    }

    [Fact]
    public void Run_ListenWithImplicitFullconn_SaysFullconnIsTheListenMaxconn()
    {
        var doc = LintLoad.File14(Testing.TestDataPaths.ConfigCheck, "valid-minconn-listen-implicit-fullconn.cfg");

        var f = Assert.Single(ConfigLint.Run(doc!), x => x.Code == LintCodes.DynamicMaxconnFloor);

        Assert.Equal(
            "listen 'rmi' server 'r1': dynamic maxconn stays at minconn=1 until the backend holds 400 sessions (maxconn=10, "
            + "fullconn=2000: the listen's maxconn, which 1.4 uses when fullconn is unset); at low load the backend serves at most "
            + "1 session at once (minconn summed over its 1 active server) and the rest queue for up to 5000 ms ('timeout connect', "
            + "no 'timeout queue'), then fail with sQ (logged as rmi/<NOSRV> with Tw about 5000 ms)." + Fixes,
            f.Message);
    }

    [Fact]
    public void Run_ExplicitTimeoutQueue_NamesItAndAddsNoFallbackNotice()
    {
        var doc = LintLoad.Text(Defaults + "listen l 127.0.0.1:8000\n fullconn 100\n timeout queue 30s\n"
            + " server a 127.0.0.1:9000 minconn 2 maxconn 10\n");

        var findings = ConfigLint.Run(doc);

        Assert.DoesNotContain(findings, x => x.Code == LintCodes.QueueTimeoutFromConnect);
        var f = Assert.Single(findings, x => x.Code == LintCodes.DynamicMaxconnFloor);

        Assert.Equal(LintCodes.DynamicMaxconnFloor, f.Code);
        Assert.Equal(new Model.SourceSpan("t.cfg", 9), f.Span);
        Assert.Contains("stays at minconn=2 until the backend holds 30 sessions (maxconn=10, fullconn=100)", f.Message, StringComparison.Ordinal);
        Assert.Contains("queue for up to 30000 ms ('timeout queue')", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FullconnLowEnoughForTheLoad_ReportsNothing()
    {
        // With fullconn 15 the limit is 3 * 10 / 15 = 2 per server as soon as a third session arrives.
        var doc = LintLoad.Text(Defaults + "listen l 127.0.0.1:8000\n fullconn 15\n"
            + " server a 127.0.0.1:9000 minconn 1 maxconn 10\n server b 127.0.0.1:9001 minconn 1 maxconn 10\n");

        Assert.Empty(ConfigLint.Run(doc));
    }

    [Fact]
    public void Run_FullconnOneAboveTheLimit_ReportsTheFloor()
    {
        // fullconn 16: 3 * 10 / 16 = 1 per server, so the third session queues.
        var doc = LintLoad.Text(Defaults + "listen l 127.0.0.1:8000\n fullconn 16\n"
            + " server a 127.0.0.1:9000 minconn 1 maxconn 10\n server b 127.0.0.1:9001 minconn 1 maxconn 10\n");

        var findings = ConfigLint.Run(doc);

        Assert.Equal(
            [LintCodes.DynamicMaxconnFloor, LintCodes.DynamicMaxconnFloor, LintCodes.QueueTimeoutFromConnect],
            findings.Select(f => f.Code));
        Assert.Contains("until the backend holds 4 sessions (maxconn=10, fullconn=16)", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OneServerWithoutMaxconn_ReportsNothing()
    {
        var doc = LintLoad.Text(Defaults + "listen l 127.0.0.1:8000\n fullconn 100\n"
            + " server a 127.0.0.1:9000 minconn 1 maxconn 10\n server b 127.0.0.1:9001\n");

        Assert.Empty(ConfigLint.Run(doc));
    }

    [Fact]
    public void Run_DisabledProxy_ReportsNothing()
    {
        var doc = LintLoad.Text(Defaults + "listen ok 127.0.0.1:8001\nlisten l 127.0.0.1:8000\n disabled\n fullconn 100\n"
            + " server a 127.0.0.1:9000 minconn 1 maxconn 10\n");

        Assert.Empty(ConfigLint.Run(doc));
    }

    [Fact]
    public void Run_BackupAndDisabledServers_AreLeftOutOfCapacity()
    {
        var doc = LintLoad.Text(Defaults + "listen l 127.0.0.1:8000\n fullconn 100\n"
            + " server a 127.0.0.1:9000 minconn 1 maxconn 10\n server b 127.0.0.1:9001 minconn 5 maxconn 10 backup\n"
            + " server c 127.0.0.1:9002 minconn 5 maxconn 10 disabled\n");

        var f = Assert.Single(ConfigLint.Run(doc), x => x.Code == LintCodes.DynamicMaxconnFloor);

        Assert.Contains("server 'a'", f.Message, StringComparison.Ordinal);
        Assert.Contains("at most 1 session at once (minconn summed over its 1 active server)", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BackendWithMaxconnLine_SaysFullconnIsTheBackendMaxconn()
    {
        var doc = LintLoad.Text(Defaults + "frontend f 127.0.0.1:8000\n default_backend b\nbackend b\n maxconn 300\n"
            + " server a 127.0.0.1:9000 minconn 1 maxconn 10\n");

        var f = Assert.Single(ConfigLint.Run(doc), x => x.Code == LintCodes.DynamicMaxconnFloor);

        Assert.StartsWith(
            "backend 'b' server 'a': dynamic maxconn stays at minconn=1 until the backend holds 60 sessions (maxconn=10, "
            + "fullconn=300: the backend's maxconn, which 1.4 uses when fullconn is unset)",
            f.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HttpMode_MentionsThe503()
    {
        var doc = LintLoad.Text(Defaults + "listen l 127.0.0.1:8000\n mode http\n fullconn 100\n"
            + " server a 127.0.0.1:9000 minconn 1 maxconn 10\n");

        var f = Assert.Single(ConfigLint.Run(doc), x => x.Code == LintCodes.DynamicMaxconnFloor);

        Assert.Contains("then fail with sQ and a 503 (logged as l/<NOSRV>", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoTimeoutAtAll_SaysQueuedSessionsWaitForever()
    {
        var doc = LintLoad.Text("listen l 127.0.0.1:8000\n fullconn 100\n server a 127.0.0.1:9000 minconn 1 maxconn 10\n");

        var f = Assert.Single(ConfigLint.Run(doc), x => x.Code == LintCodes.DynamicMaxconnFloor);

        Assert.Contains(
            "the rest wait in the queue with no time limit (neither 'timeout queue' nor 'timeout connect' is set).",
            f.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Slowstart_IsNoted()
    {
        var doc = LintLoad.Text(Defaults + "listen l 127.0.0.1:8000\n fullconn 100\n"
            + " server a 127.0.0.1:9000 minconn 1 maxconn 10 slowstart 1500ms\n");

        var f = Assert.Single(ConfigLint.Run(doc), x => x.Code == LintCodes.DynamicMaxconnFloor);

        Assert.Contains(
            " For 2 s after it comes back up, slowstart scales that limit down further (never below 1).",
            f.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ValidFullBackendApp_ReportsBothActiveServersWithSlowstartOnA2()
    {
        var doc = LintLoad.File14(Testing.TestDataPaths.ConfigCheck, "valid-full.cfg");

        var findings = ConfigLint.Run(doc!);

        Assert.Equal(3, findings.Count);
        Assert.Equal(
            "backend 'app': fullconn=500 is above the 100 sessions its 2 active servers accept at maxconn, so they reach maxconn "
            + "only once 500 sessions are on the backend; with 100 sessions on it they serve 20 and queue the rest.",
            findings[2].Message);
        var common = "dynamic maxconn stays at minconn=10 until the backend holds 110 sessions (maxconn=50, fullconn=500); at low "
            + "load the backend serves at most 20 sessions at once (minconn summed over its 2 active servers) and the rest queue for "
            + "up to 10000 ms ('timeout queue'), then fail with sQ and a 503 (logged as app/<NOSRV>, or app/{0} when its cookie "
            + "'{0}' sent the session there, with Tw about 10000 ms).";
        Assert.Equal(new Model.SourceSpan("valid-full.cfg", 35), findings[0].Span);
        Assert.Equal("backend 'app' server 'a1': " + common.Replace("{0}", "a1", StringComparison.Ordinal) + Fixes, findings[0].Message);
        Assert.Equal(
            "backend 'app' server 'a2': " + common.Replace("{0}", "a2", StringComparison.Ordinal)
            + " For 30 s after it comes back up, slowstart scales that limit down further (never below 1)." + Fixes,
            findings[1].Message);
    }

    [Fact]
    public void Run_FullconnEqualToServerCapacity_HasNoFullconnFinding()
    {
        var doc = LintLoad.Text(Defaults + "listen l 127.0.0.1:8000\n fullconn 20\n"
            + " server a 127.0.0.1:9000 minconn 1 maxconn 10\n server b 127.0.0.1:9001 minconn 1 maxconn 10\n");

        var findings = ConfigLint.Run(doc);

        Assert.Contains(findings, x => x.Code == LintCodes.DynamicMaxconnFloor);
        Assert.DoesNotContain(findings, x => x.Code == LintCodes.FullconnAboveServerCapacity);
    }

    [Fact]
    public void Run_SpecVerifiedExample_FloorUntil20Sessions()
    {
        // ENGINE.md 8.1: fullconn 1000, minconn 1 / maxconn 100: the limit is 1 until beconn reaches 20.
        var doc = LintLoad.Text(Defaults + "listen l 127.0.0.1:8000\n mode http\n fullconn 1000\n"
            + " server s1 127.0.0.1:9000 minconn 1 maxconn 100\n");

        var f = Assert.Single(ConfigLint.Run(doc), x => x.Code == LintCodes.DynamicMaxconnFloor);

        Assert.StartsWith(
            "listen 'l' server 's1': dynamic maxconn stays at minconn=1 until the backend holds 20 sessions (maxconn=100, "
            + "fullconn=1000); at low load the backend serves at most 1 session at once",
            f.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ListenImplicitFullconnWithDashN_UsesTheCommandLineMaxconn()
    {
        var (result, stderr) = CheckRun.Run(
            Defaults + "listen l 127.0.0.1:8000\n server a 127.0.0.1:9000 minconn 1 maxconn 10\n",
            new ConfigLoadOptions { DefaultProxyMaxconn = 100 });
        Assert.True(result.IsValid, stderr);

        var f = Assert.Single(ConfigLint.Run(result.Document!), x => x.Code == LintCodes.DynamicMaxconnFloor);

        Assert.Contains(
            "until the backend holds 20 sessions (maxconn=10, fullconn=100: the listen's maxconn, which 1.4 uses when fullconn is unset)",
            f.Message,
            StringComparison.Ordinal);
    }
}
