using HaproxyNet.Host.Cli;

namespace HaproxyNet.Host.Startup;

/// <summary>The process modes in force once command line and configuration are merged (1.4's <c>global.mode</c>).</summary>
/// <param name="Mode">Daemon/Foreground/Debug/Quiet/Verbose/Check bits.</param>
/// <param name="NbProc">Number of processes to run, at least 1.</param>
public sealed record ProcessModes(ArgMode Mode, int NbProc)
{
    public bool IsDaemon => (Mode & ArgMode.Daemon) != 0;

    public bool IsDebug => (Mode & ArgMode.Debug) != 0;

    public bool IsForeground => (Mode & ArgMode.Foreground) != 0;

    /// <summary>Whether <c>Warning()</c> and <c>qfprintf</c> print: not quiet, or verbose.</summary>
    public bool ShowsMessages => (Mode & ArgMode.Quiet) == 0 || (Mode & ArgMode.Verbose) != 0;

    /// <summary>Whether the <c>-d</c> session lines go to stdout: debug mode, and not quiet or verbose (1.4's test at each line).</summary>
    public bool PrintsDebugTrace => IsDebug && ShowsMessages;
}
