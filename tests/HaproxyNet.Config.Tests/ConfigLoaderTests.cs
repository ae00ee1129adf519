using HaproxyNet.Config;

namespace HaproxyNet.Config.Tests;

public class ConfigLoaderTests
{
    private const string Listen = "listen l 127.0.0.1:8000\n server s 127.0.0.1:80\n";

    [Fact]
    public void Load_ValidConfig_ReturnsDocumentAndExitZero()
    {
        var (r, err) = CheckRun.Run(CheckRun.Timeouts + Listen);
        Assert.Equal(0, r.ExitCode);
        Assert.True(r.IsValid);
        Assert.Equal("", err);
        Assert.Equal("l", r.Document!.Proxies.Single().Name);
    }

    [Fact]
    public void Load_MissingFile_SaysCouldNotOpenAndStops()
    {
        var sink = new Testing.Config.RecordingDiagnosticSink(string.Empty);
        var missing = ConfigLoader.Load(["nope.cfg"], new ConfigLoadOptions(), new Testing.Config.InMemoryConfigEnvironment(), sink);
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("[ALERT] Could not open configuration file nope.cfg : No such file or directory\n", sink.Text);
    }

    [Fact]
    public void Load_DefaultsInFirstFile_ApplyToProxyInSecondFile()
    {
        var (r, err) = CheckRun.RunFiles([("a.cfg", "defaults\n mode http\n" + CheckRun.Timeouts[9..]), ("b.cfg", Listen)]);
        Assert.Equal("", err);
        Assert.Equal(Model.ProxyMode.Http, r.Document!.Proxies[0].Mode);
    }

    [Fact]
    public void Load_ProxyKeywordFirstInSecondFile_IsOutOfSection()
    {
        var (r, err) = CheckRun.RunFiles([("a.cfg", CheckRun.Timeouts + Listen), ("b.cfg", " server s2 127.0.0.1:81\n")]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(
            "[ALERT] parsing [b.cfg:1]: unknown keyword 'server' out of section.\n"
            + "[ALERT] Error(s) found in configuration file : b.cfg\n"
            + "[ALERT] Fatal errors found in configuration.\n",
            err);
    }

    [Fact]
    public void Load_AbortInFirstFile_SkipsLaterFilesAndFatalLine()
    {
        var (r, err) = CheckRun.RunFiles([("a.cfg", "listen\n"), ("b.cfg", "bogus\n")]);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(
            "[ALERT] parsing [a.cfg:1] : 'listen' expects an <id> argument and\n"
            + "  optionnally supports [addr1]:port1[-end1]{,[addr]:port[-end]}...\n"
            + "[ALERT] Error(s) found in configuration file : a.cfg\n",
            err);
    }

    [Fact]
    public void Load_QuietInGlobal_HidesLaterWarningsOnly()
    {
        var cfg = "frontend f 127.0.0.1:80\n balance roundrobin\nglobal\n quiet\n" + CheckRun.Timeouts + "frontend g 127.0.0.1:81\n balance roundrobin\n";
        var (r, err) = CheckRun.Run(cfg);
        Assert.Equal(0, r.ExitCode);
        Assert.True(r.Quiet);
        Assert.Equal("[WARNING] parsing [t.cfg:2] : 'balance' ignored because frontend 'f' has no backend capability.\n", err);
    }

    [Fact]
    public void Load_VerboseOption_CancelsQuiet()
    {
        var cfg = "global\n quiet\n" + CheckRun.Timeouts + "frontend g 127.0.0.1:81\n balance roundrobin\n";
        var (r, err) = CheckRun.Run(cfg, new ConfigLoadOptions { Quiet = true, Verbose = true });
        Assert.False(r.Quiet);
        Assert.Contains("[WARNING]", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_QuietOption_KeepsAlerts()
    {
        var (r, err) = CheckRun.Run("bogus\n", new ConfigLoadOptions { Quiet = true });
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("[ALERT] parsing [t.cfg:1]: unknown keyword 'bogus' out of section.\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DescriptionWithoutText_ReportsCouldNotOpenSuccess()
    {
        var (r, err) = CheckRun.Run("listen l 127.0.0.1:80\n description\n");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(
            "[ALERT] parsing [t.cfg:2]: 'description' expects a string argument.\n"
            + "[ALERT] Could not open configuration file t.cfg : Success\n",
            err);
    }

    [Fact]
    public void Load_UnknownFacilityOnProxyLog_ExitsWithoutSummary()
    {
        var (r, err) = CheckRun.Run("listen l 127.0.0.1:80\n log 127.0.0.1 local9\n");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("[ALERT] parsing [t.cfg:2] : unknown log facility 'local9'\n", err);
    }

    [Fact]
    public void Load_DefaultProxyMaxconnOption_IsInheritedByListen()
    {
        var (r, _) = CheckRun.Run(CheckRun.Timeouts + Listen, new ConfigLoadOptions { DefaultProxyMaxconn = 77 });
        Assert.Equal(77, r.Document!.Proxies[0].MaxConn);
        Assert.Equal(77, r.Document.Proxies[0].FullConn);
    }

    [Fact]
    public void Load_ByteOrderMark_MakesFirstKeywordUnknownOutOfSection()
    {
        var (r, err) = CheckRun.Run("\u00EF\u00BB\u00BFglobal\n maxconn 10\n");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith(
            "[ALERT] parsing [t.cfg:1]: unknown keyword '\u00EF\u00BB\u00BFglobal' out of section.\n"
            + "[ALERT] parsing [t.cfg:2]: unknown keyword 'maxconn' out of section.\n",
            err,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NulByte_EndsTheLine()
    {
        var (r, err) = CheckRun.Run(CheckRun.Timeouts + "listen l 127.0.0.1:80\n mode http\0 garbage\n");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", err);
        Assert.Equal(Model.ProxyMode.Http, r.Document!.Proxies[0].Mode);
    }

    /// <summary>
    /// Guards the parser against per-character/per-call allocations coming back: 20 backends of 50 checked
    /// servers took ~100 MB before the Sprache input and grammar fixes, ~5 MB after.
    /// </summary>
    [Fact]
    public void Load_ThousandServerLines_AllocatesUnderTwelveMegabytes()
    {
        var sb = new System.Text.StringBuilder(CheckRun.Timeouts + " mode http\nfrontend fe 127.0.0.1:8000\n default_backend b00\n");
        for (var b = 0; b < 20; b++)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"backend b{b:D2}\n fullconn 1000\n option httpchk GET /\n");
            for (var i = 0; i < 50; i++)
            {
                sb.Append(System.Globalization.CultureInfo.InvariantCulture,
                    $" server s{i:D2} 127.0.0.1:{10000 + (b * 50) + i} check inter 2s rise 2 fall 3 weight {1 + (i % 10)} minconn 5 maxconn 50\n");
            }
        }

        var config = sb.ToString();
        var (warm, err) = CheckRun.Run(config);
        Assert.Equal("", err);
        Assert.Equal(1000, warm.Document!.Proxies.Sum(p => p.Servers.Count));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var (r, _) = CheckRun.Run(config);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(r.IsValid);
        Assert.InRange(allocated, 1, 12L * 1024 * 1024);
    }
}
