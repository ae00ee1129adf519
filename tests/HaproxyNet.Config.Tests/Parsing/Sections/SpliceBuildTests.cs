namespace HaproxyNet.Config.Tests.Parsing.Sections;

/// <summary>
/// The splice keywords: unknown as in the reference build by default, known with
/// <see cref="ConfigLoadOptions.LinuxSplice"/> (a 1.4 built with USE_LINUX_SPLICE=1).
/// </summary>
public class SpliceBuildTests
{
    private const string Global = "global\n maxpipes 10\n tune.pipesize 131072\n";
    private const string Listen = "listen l 127.0.0.1:80\n option splice-auto\n option splice-request\n no option splice-response\n server s 127.0.0.1:81\n";

    [Fact]
    public void SpliceKeywords_ReferenceBuild_UnknownAsIn1425()
    {
        var (r, err) = CheckRun.Run(Global + CheckRun.Timeouts + Listen);
        Assert.Equal(1, r.ExitCode);
        // As haproxy-1.4.25 -c prints it for the same file (dates removed).
        Assert.Equal(
            "[ALERT] parsing [t.cfg:3] : unknown keyword 'tune.pipesize' in 'global' section\n"
            + "[ALERT] parsing [t.cfg:9] : unknown option 'splice-auto'.\n"
            + "[ALERT] parsing [t.cfg:10] : unknown option 'splice-request'.\n"
            + "[ALERT] parsing [t.cfg:11]: negation/default is not supported for option 'splice-response'.\n"
            + "[ALERT] Error(s) found in configuration file : t.cfg\n"
            + "[ALERT] Fatal errors found in configuration.\n",
            err);
    }

    [Fact]
    public void SpliceKeywords_SpliceBuild_AcceptedIntoTheModel()
    {
        var (r, err) = CheckRun.Run(Global + CheckRun.Timeouts + Listen, new ConfigLoadOptions { LinuxSplice = true });
        Assert.Equal(string.Empty, err);
        Assert.Equal(0, r.ExitCode);
        var doc = r.Document!;
        Assert.Equal(131072, doc.Global.TunePipeSize);
        Assert.Equal(10, doc.Global.MaxPipes);
        Assert.Contains("splice-auto", doc.Proxies[0].Options);
        Assert.Contains("splice-request", doc.Proxies[0].Options);
        Assert.DoesNotContain("splice-response", doc.Proxies[0].Options);
    }

    [Fact]
    public void NoSplice_Global_Recorded()
    {
        var (r, _) = CheckRun.Run("global\n nosplice\n" + CheckRun.Timeouts + Listen, new ConfigLoadOptions { LinuxSplice = true });
        Assert.True(r.Document!.Global.NoSplice);
    }
}
