using HaproxyNet.Config.Environment;
using HaproxyNet.Host.Cli;

namespace HaproxyNet.Host.Startup;

/// <summary>Merges the command-line modes with the configuration's, after the <c>-c</c> exit.</summary>
/// <remarks>
/// Mirrors the tail of <c>init()</c> in haproxy.c (CLI.md §1, "Mode merging"). The two warnings go
/// through 1.4's <c>Warning()</c> filter as it stands at that moment, so the debug/quiet conflict is
/// itself hidden by quiet mode unless <c>-V</c> is given.
/// </remarks>
public static class ModeMerger
{
    public const string DebugConflictWarning = "<debug> mode incompatible with <quiet> and <daemon>. Keeping <debug> only.\n";

    public const string NbProcWarning = "<nbproc> is only meaningful in daemon mode. Setting limit to 1 process.\n";

    private const ArgMode ForegroundModes = ArgMode.Debug | ArgMode.Foreground;
    private const ArgMode BackgroundModes = ArgMode.Daemon | ArgMode.Quiet;

    public static ProcessModes Merge(ArgMode commandLine, ConfigModes config, IDiagnosticSink sink)
    {
        var mode = commandLine & (ArgMode.Check | ArgMode.Verbose);
        if (config.Daemon)
        {
            mode |= ArgMode.Daemon;
        }

        if (config.Debug)
        {
            mode |= ArgMode.Debug;
        }

        if (config.Quiet)
        {
            mode |= ArgMode.Quiet;
        }

        // -d/-db on the command line override daemon/quiet from the configuration; -D overrides debug.
        if ((commandLine & ForegroundModes) != 0)
        {
            mode &= ~BackgroundModes;
        }

        if ((commandLine & ArgMode.Daemon) != 0)
        {
            mode &= ~ForegroundModes;
        }

        mode |= commandLine & (ArgMode.Daemon | ArgMode.Foreground | ArgMode.Quiet | ArgMode.Verbose | ArgMode.Debug);

        if ((mode & ArgMode.Debug) != 0 && (mode & BackgroundModes) != 0)
        {
            WarnIfShown(mode, DebugConflictWarning, sink);
            mode &= ~BackgroundModes;
        }

        var nbProc = config.NbProc;
        if (nbProc > 1 && (mode & ArgMode.Daemon) == 0)
        {
            if ((mode & ForegroundModes) == 0)
            {
                WarnIfShown(mode, NbProcWarning, sink);
            }

            nbProc = 1;
        }

        return new ProcessModes(mode, Math.Max(1, nbProc));
    }

    private static void WarnIfShown(ArgMode mode, string text, IDiagnosticSink sink)
    {
        if ((mode & ArgMode.Quiet) == 0 || (mode & ArgMode.Verbose) != 0)
        {
            sink.Warning(text);
        }
    }
}
