using HaproxyNet.Host.Cli;
using HaproxyNet.Host.Startup;

namespace HaproxyNet.Host.Tests.Startup;

public class ModeMergerTests
{
    private static (ProcessModes Modes, List<string> Messages) Merge(ArgMode commandLine, ConfigModes config)
    {
        var sink = new CapturingSink();
        return (ModeMerger.Merge(commandLine, config, sink), sink.Messages);
    }

    private static ConfigModes Config(bool daemon = false, bool debug = false, bool quiet = false, int nbproc = 0) => new(daemon, debug, quiet, nbproc);

    [Fact]
    public void Merge_NothingAnywhere_ForegroundlessSingleProcess()
    {
        var (modes, messages) = Merge(ArgMode.None, Config());
        Assert.Equal(ArgMode.None, modes.Mode);
        Assert.Equal(1, modes.NbProc);
        Assert.Empty(messages);
    }

    [Fact]
    public void Merge_ConfigDaemonAndQuiet_Kept()
    {
        var (modes, _) = Merge(ArgMode.None, Config(daemon: true, quiet: true));
        Assert.Equal(ArgMode.Daemon | ArgMode.Quiet, modes.Mode);
    }

    [Theory]
    [InlineData(ArgMode.Debug)]
    [InlineData(ArgMode.Foreground)]
    public void Merge_CommandLineForeground_RemovesConfigDaemonAndQuiet(ArgMode flag)
    {
        var (modes, messages) = Merge(flag, Config(daemon: true, quiet: true));
        Assert.Equal(flag, modes.Mode);
        Assert.Empty(messages);
    }

    [Fact]
    public void Merge_CommandLineForeground_KeepsCommandLineQuiet()
    {
        var (modes, _) = Merge(ArgMode.Foreground | ArgMode.Quiet, Config(daemon: true));
        Assert.Equal(ArgMode.Foreground | ArgMode.Quiet, modes.Mode);
    }

    [Fact]
    public void Merge_CommandLineDaemon_RemovesConfigDebug()
    {
        var (modes, messages) = Merge(ArgMode.Daemon, Config(debug: true));
        Assert.Equal(ArgMode.Daemon, modes.Mode);
        Assert.Empty(messages);
    }

    [Fact]
    public void Merge_ConfigDebugAndDaemon_WarnsAndKeepsDebug()
    {
        var (modes, messages) = Merge(ArgMode.None, Config(daemon: true, debug: true));
        Assert.Equal(ArgMode.Debug, modes.Mode);
        Assert.Equal(["WARNING:" + ModeMerger.DebugConflictWarning], messages);
    }

    [Fact]
    public void Merge_CommandLineDebugAndDaemon_WarnsAndKeepsDebug()
    {
        var (modes, messages) = Merge(ArgMode.Debug | ArgMode.Daemon, Config());
        Assert.Equal(ArgMode.Debug, modes.Mode);
        Assert.Single(messages);
    }

    [Fact]
    public void Merge_DebugWithQuiet_WarningHiddenByQuietItself()
    {
        var (modes, messages) = Merge(ArgMode.Debug | ArgMode.Quiet, Config());
        Assert.Equal(ArgMode.Debug, modes.Mode);
        Assert.Empty(messages);
    }

    [Fact]
    public void Merge_DebugWithQuietAndVerbose_WarningShown()
    {
        var (modes, messages) = Merge(ArgMode.Debug | ArgMode.Quiet | ArgMode.Verbose, Config());
        Assert.Equal(ArgMode.Debug | ArgMode.Verbose, modes.Mode);
        Assert.Equal(["WARNING:" + ModeMerger.DebugConflictWarning], messages);
    }

    [Fact]
    public void Merge_NbprocTwoWithoutDaemon_WarnsAndRunsOne()
    {
        var (modes, messages) = Merge(ArgMode.None, Config(nbproc: 2));
        Assert.Equal(1, modes.NbProc);
        Assert.Equal(["WARNING:" + ModeMerger.NbProcWarning], messages);
    }

    [Fact]
    public void Merge_NbprocOneWithoutDaemon_NoWarning()
    {
        var (modes, messages) = Merge(ArgMode.None, Config(nbproc: 1));
        Assert.Equal(1, modes.NbProc);
        Assert.Empty(messages);
    }

    [Theory]
    [InlineData(ArgMode.Foreground)]
    [InlineData(ArgMode.Debug)]
    public void Merge_NbprocTwoInForeground_SilentlyOne(ArgMode flag)
    {
        var (modes, messages) = Merge(flag, Config(nbproc: 2));
        Assert.Equal(1, modes.NbProc);
        Assert.Empty(messages);
    }

    [Fact]
    public void Merge_NbprocTwoWithConfigDebug_SilentlyOne()
    {
        var (modes, messages) = Merge(ArgMode.None, Config(debug: true, nbproc: 2));
        Assert.Equal(1, modes.NbProc);
        Assert.Empty(messages);
    }

    [Fact]
    public void Merge_NbprocTwoInDaemon_Kept()
    {
        var (modes, messages) = Merge(ArgMode.Daemon, Config(nbproc: 2));
        Assert.Equal(2, modes.NbProc);
        Assert.Empty(messages);
    }

    [Fact]
    public void Merge_NbprocTwoQuiet_WarningHidden()
    {
        var (modes, messages) = Merge(ArgMode.Quiet, Config(nbproc: 2));
        Assert.Equal(1, modes.NbProc);
        Assert.Empty(messages);
    }

    [Fact]
    public void Merge_NbprocNegative_OneProcess() => Assert.Equal(1, Merge(ArgMode.Daemon, Config(nbproc: -3)).Modes.NbProc);

    [Fact]
    public void Merge_CheckAndVerbose_CarriedThrough() =>
        Assert.Equal(ArgMode.Check | ArgMode.Verbose, Merge(ArgMode.Check | ArgMode.Verbose, Config()).Modes.Mode);
}
