using HaproxyNet.Config.Lint;
using HaproxyNet.Testing;

namespace HaproxyNet.Tool.Tests;

public class LintTests
{
    private const string Head = "global\n    maxconn 1000\ndefaults\n    mode tcp\n";
    private const string Timeouts = "    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n";

    private static IReadOnlyList<LintFinding> Lint(string cfg)
    {
        using var dir = new Scratch();
        using var err = new StringWriter();
        var doc = ToolConfig.Load(dir.File("h.cfg", cfg), [], [], err);
        Assert.True(doc is not null, err.ToString());
        return ConfigLint.RunAll(doc);
    }

    [Fact]
    public void Lint_SeedConfig_HaproxynetLintFindingsFirstThenMaxconnAboveGlobal()
    {
        var run = ToolRun.Of("lint", "-f", Path.Combine(TestDataPaths.Golden("seed-incident"), "haproxy.cfg"));

        Assert.Equal(1, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.Contains("server 'rmi1': dynamic maxconn stays at minconn=1", lines[0], StringComparison.Ordinal);
        Assert.Contains("queued sessions expire after 5000 ms", lines[3], StringComparison.Ordinal);
        Assert.Contains("maxconn=2000 (1.4's default when unset) is above the global maxconn=1000", lines[4], StringComparison.Ordinal);
        Assert.Equal("lint: 5 finding(s)", lines[5]);
    }

    [Fact]
    public void Lint_FrontendMaxconnWithinGlobal_NoMaxconnFinding()
    {
        var findings = Lint(Head + Timeouts + "listen a\n    bind 127.0.0.1:10001\n    maxconn 500\n    server s 127.0.0.1:20001\n");

        Assert.Empty(findings);
    }

    [Fact]
    public void Lint_MissingTimeouts_NamesEachMissingOne()
    {
        var findings = Lint(Head + "    timeout connect 5s\nlisten a\n    bind 127.0.0.1:10001\n    maxconn 500\n    server s 127.0.0.1:20001\n");

        var f = Assert.Single(findings, f => f.Code == LintCodes.MissingTimeouts);
        Assert.Contains("no 'timeout client', 'timeout server'", f.Message, StringComparison.Ordinal);
        Assert.Equal(LintSeverity.Warning, f.Severity);
    }

    [Fact]
    public void Lint_ServerMaxconnWithoutQueueOrConnectTimeout_UnboundedQueue()
    {
        var findings = Lint(Head + "    timeout client 30s\n    timeout server 30s\nlisten a\n    bind 127.0.0.1:10001\n    maxconn 500\n    server s 127.0.0.1:20001 maxconn 10\n");

        var f = Assert.Single(findings, f => f.Code == LintCodes.UnboundedQueue);
        Assert.Contains("server 's': maxconn=10 queues the sessions above it", f.Message, StringComparison.Ordinal);
        Assert.Equal(10, f.Span.Line);
    }

    [Fact]
    public void Lint_ServerMaxconnWithQueueTimeout_NoUnboundedQueue()
    {
        var findings = Lint(Head + Timeouts + "    timeout queue 10s\nlisten a\n    bind 127.0.0.1:10001\n    maxconn 500\n    server s 127.0.0.1:20001 maxconn 10\n");

        Assert.DoesNotContain(findings, f => f.Code == LintCodes.UnboundedQueue);
    }

    [Fact]
    public void Lint_DefaultedFullconnAboveGlobalMaxconn_ServerNeverReachesMaxconn()
    {
        // 1.4 requires fullconn with minconn; set above the global maxconn, the dynamic limit of minconn 5 /
        // maxconn 100 stops at 1000 * 100 / 2000 = 50.
        var findings = Lint(Head + Timeouts + "    timeout queue 10s\nfrontend f\n    bind 127.0.0.1:10001\n    maxconn 900\n    default_backend b\n"
            + "backend b\n    fullconn 2000\n    server s 127.0.0.1:20001 minconn 5 maxconn 100\n");

        var f = Assert.Single(findings, f => f.Code == LintCodes.FullconnAboveGlobal);
        Assert.Contains("fullconn=2000", f.Message, StringComparison.Ordinal);
        Assert.Contains("never exceeds 50 of its maxconn=100", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_InvalidConfig_ExitsTwoWithOnePointFourDiagnostics()
    {
        using var dir = new Scratch();
        var run = ToolRun.Of("lint", "-f", dir.File("bad.cfg", "listen a\n    bind 127.0.0.1:10001\n    balance nosuch\n"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[ALERT]", run.Err, StringComparison.Ordinal);
    }
}
