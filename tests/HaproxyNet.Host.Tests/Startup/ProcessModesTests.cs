using HaproxyNet.Host.Cli;
using HaproxyNet.Host.Startup;

namespace HaproxyNet.Host.Tests.Startup;

public class ProcessModesTests
{
    [Theory]
    [InlineData(ArgMode.Debug, true)]
    [InlineData(ArgMode.Debug | ArgMode.Verbose, true)]
    [InlineData(ArgMode.Debug | ArgMode.Quiet | ArgMode.Verbose, true)]
    [InlineData(ArgMode.Debug | ArgMode.Quiet, false)]
    [InlineData(ArgMode.Foreground, false)]
    [InlineData(ArgMode.Verbose, false)]
    [InlineData(ArgMode.None, false)]
    public void PrintsDebugTrace_Modes_DebugAndNotQuietOrVerbose(ArgMode mode, bool expected) =>
        Assert.Equal(expected, new ProcessModes(mode, 1).PrintsDebugTrace);

    [Theory]
    [InlineData(ArgMode.Debug | ArgMode.Quiet)]
    [InlineData(ArgMode.Debug | ArgMode.Daemon)]
    public void PrintsDebugTrace_AfterMergingDebugWithQuietOrDaemon_On(ArgMode commandLine)
    {
        // The merge keeps debug only, so -d -q and -d -D still trace (quiet is gone before the engine runs).
        var modes = ModeMerger.Merge(commandLine, new ConfigModes(false, false, false, 0), new CapturingSink());
        Assert.True(modes.PrintsDebugTrace);
    }

    [Fact]
    public void PrintsDebugTrace_CommandLineForeground_TracesOnlyWithConfigDebug()
    {
        // -db removes nothing but daemon/quiet: a 'debug' line in the configuration still traces; -db alone does not.
        Assert.True(ModeMerger.Merge(ArgMode.Foreground, new ConfigModes(false, true, false, 0), new CapturingSink()).PrintsDebugTrace);
        Assert.False(ModeMerger.Merge(ArgMode.Foreground, new ConfigModes(false, false, false, 0), new CapturingSink()).PrintsDebugTrace);
    }
}
