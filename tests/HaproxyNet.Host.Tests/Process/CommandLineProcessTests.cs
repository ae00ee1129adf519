using System.Text;
using HaproxyNet.Host.Output;
using HaproxyNet.Testing;

namespace HaproxyNet.Host.Tests.Process;

/// <summary>The real <c>haproxynet</c> binary: version, usage and exit codes.</summary>
public class CommandLineProcessTests
{
    private static readonly string Folder = TestDataPaths.ConfigCheck;

    private static string Text(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    [Fact]
    public void Binary_Version_BannerOnStdoutExitZero()
    {
        var outcome = HaproxyNetProcess.Run(Folder, "-v");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(VersionText.Banner, Text(outcome.Stdout));
        Assert.Empty(outcome.Stderr);
    }

    [Fact]
    public void Binary_VersionThenGarbage_StillVersion()
    {
        var outcome = HaproxyNetProcess.Run(Folder, "-v", "garbage", "-x");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(VersionText.Banner, Text(outcome.Stdout));
    }

    [Fact]
    public void Binary_VersionAndBuild_BuildBlockOnStdout()
    {
        var outcome = HaproxyNetProcess.Run(Folder, "-vv");
        Assert.Equal(0, outcome.ExitCode);
        var stdout = Text(outcome.Stdout);
        Assert.StartsWith(VersionText.Banner + "Build options :\n  TARGET  = .NET ", stdout, StringComparison.Ordinal);
        Assert.EndsWith("\nAvailable polling systems :\n      epoll : pref=300,  test result OK\nTotal: 1 (1 usable), will use epoll.\n\n", stdout, StringComparison.Ordinal);
        Assert.Empty(outcome.Stderr);
    }

    [Fact]
    public void Binary_NoArguments_UsageExitOne()
    {
        var outcome = HaproxyNetProcess.Run(Folder);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(VersionText.Banner, Text(outcome.Stdout));
        Assert.Equal(UsageText.Format("haproxynet", 2000), Text(outcome.Stderr));
    }

    [Fact]
    public void Binary_ExtraWordAfterFile_UsageExitOne()
    {
        var outcome = HaproxyNetProcess.Run(Folder, "-c", "-f", "valid-minimal.cfg", "extra");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(VersionText.Banner, Text(outcome.Stdout));
        Assert.Equal(UsageText.Format("haproxynet", 2000), Text(outcome.Stderr));
    }

    [Fact]
    public void Binary_UnknownLetterAfterN_UsageShowsN()
    {
        var outcome = HaproxyNetProcess.Run(Folder, "-N", "321", "-s", "x", "-f", "valid-minimal.cfg");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(UsageText.Format("haproxynet", 321), Text(outcome.Stderr));
    }

    [Fact]
    public void Binary_SfWithZeroPid_UsageExitOne()
    {
        var outcome = HaproxyNetProcess.Run(Folder, "-f", "valid-minimal.cfg", "-sf", "0");
        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("Usage : haproxynet ", Text(outcome.Stderr), StringComparison.Ordinal);
    }
}
