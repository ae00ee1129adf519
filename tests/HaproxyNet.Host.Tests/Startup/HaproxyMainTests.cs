using System.Text;
using HaproxyNet.Host.Engine;
using HaproxyNet.Host.Output;
using HaproxyNet.Host.Platform;
using HaproxyNet.Host.Startup;
using HaproxyNet.Host.Tests.Process;
using HaproxyNet.Testing;

namespace HaproxyNet.Host.Tests.Startup;

public class HaproxyMainTests
{
    private static (int Code, string Stdout, string Stderr, int EngineRuns) Run(string argv0, params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var engineRuns = 0;
        var context = new StartupContext(
            new StdStreams(stdout, stderr),
            new FixedTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), TimeSpan.Zero),
            42,
            new SystemConfigEnvironment(),
            _ =>
            {
                engineRuns++;
                return 0;
            });
        var code = HaproxyMain.Run(argv0, args, context);
        return (code, Encoding.Latin1.GetString(stdout.ToArray()), Encoding.Latin1.GetString(stderr.ToArray()), engineRuns);
    }

    [Fact]
    public void Run_Version_BannerOnStdoutExitZero()
    {
        var (code, stdout, stderr, runs) = Run("haproxynet", "-v");
        Assert.Equal(0, code);
        Assert.Equal(VersionText.Banner, stdout);
        Assert.Empty(stderr);
        Assert.Equal(0, runs);
    }

    [Fact]
    public void Run_VersionAndBuild_BannerThenBuildBlock()
    {
        var (code, stdout, stderr, _) = Run("haproxynet", "-vv");
        Assert.Equal(0, code);
        Assert.StartsWith(VersionText.Banner + "Build options :\n", stdout, StringComparison.Ordinal);
        Assert.Empty(stderr);
    }

    [Fact]
    public void Run_BadArgument_BannerOnStdoutUsageOnStderrExitOne()
    {
        var (code, stdout, stderr, runs) = Run("/usr/local/bin/haproxynet.dll", "-N", "77", "-x");
        Assert.Equal(1, code);
        Assert.Equal(VersionText.Banner, stdout);
        Assert.Equal(UsageText.Format("haproxynet", 77), stderr);
        Assert.Equal(0, runs);
    }

    [Fact]
    public void Run_NoFile_Usage()
    {
        var (code, _, stderr, _) = Run("prog", "-c");
        Assert.Equal(1, code);
        Assert.StartsWith("Usage : prog [-f <cfgfile>]*", stderr, StringComparison.Ordinal);
    }

    private static string ValidFile => Path.Combine(TestDataPaths.ConfigCheck, "valid-minimal.cfg");

    /// <summary>valid-minimal.cfg is <c>mode http</c>: until HTTP mode exists the run names it once (not under -c).</summary>
    private static string UnperformedWarning =>
        UnperformedFeatures.Describe(TestDocuments.ValidMinimal()) is { } text ? "[WARNING] 059/100000 (42) : " + text : string.Empty;

    [ConfigLoaderFact]
    public void Run_CheckValidFile_ValidLineNoEngine()
    {
        var (code, stdout, stderr, runs) = Run("haproxynet", "-c", "-f", ValidFile);
        Assert.Equal(0, code);
        Assert.Equal(HaproxyMain.ValidMessage, stdout);
        Assert.Empty(stderr);
        Assert.Equal(0, runs);
    }

    [ConfigLoaderFact]
    public void Run_ForegroundValidFile_EngineRunsWithOnlyTheUnperformedWarning()
    {
        var (code, stdout, stderr, runs) = Run("haproxynet", "-db", "-f", ValidFile);
        Assert.Equal(0, code);
        Assert.Empty(stdout);
        Assert.Equal(UnperformedWarning, stderr);
        Assert.Equal(1, runs);
    }

    [ConfigLoaderFact]
    public void Run_VerboseValidFile_PollerListOnStderrUsingLineOnStdout()
    {
        var (code, stdout, stderr, runs) = Run("haproxynet", "-V", "-db", "-f", ValidFile);
        Assert.Equal(0, code);
        Assert.Equal(PollerReport.UsingLine, stdout);
        Assert.Equal(PollerReport.Format(HaproxyNet.Host.Cli.DisabledPollers.None) + UnperformedWarning, stderr);
        Assert.Equal(1, runs);
    }

    [ConfigLoaderFact]
    public void Run_EpollDisabled_NoPollerAlertExitOneWithoutEngine()
    {
        var (code, stdout, stderr, runs) = Run("haproxynet", "-de", "-db", "-f", ValidFile);
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Equal("[ALERT] 059/100000 (42) : " + PollerReport.NoPollerAlert, stderr);
        Assert.Equal(0, runs);
    }

    [ConfigLoaderFact]
    public void Run_DebugWithEpollDisabled_ListShowsDisabledThenAlert()
    {
        var (code, stdout, stderr, _) = Run("haproxynet", "-d", "-de", "-f", ValidFile);
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Equal(PollerReport.Format(HaproxyNet.Host.Cli.DisabledPollers.Epoll) + "[ALERT] 059/100000 (42) : " + PollerReport.NoPollerAlert, stderr);
    }
    [ConfigLoaderTheory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Run_DebugUsingLine_AtOnceOnTerminalElseHeldUntilTheEngineReturns(bool terminal, bool seenWhileRunning)
    {
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var whileRunning = -1L;
        var context = new StartupContext(
            new StdStreams(stdout, stderr, stdoutIsTerminal: terminal),
            new FixedTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), TimeSpan.Zero),
            42,
            new SystemConfigEnvironment(),
            _ =>
            {
                whileRunning = stdout.Length;
                return 3;
            });

        var code = HaproxyMain.Run("haproxynet", ["-d", "-f", ValidFile], context);

        // printf to a pipe or file is flushed by exit(): after every -d line, and never if the process is killed.
        Assert.Equal(3, code);
        Assert.Equal(seenWhileRunning ? PollerReport.UsingLine.Length : 0, whileRunning);
        Assert.Equal(PollerReport.UsingLine, Encoding.Latin1.GetString(stdout.ToArray()));
    }
}
