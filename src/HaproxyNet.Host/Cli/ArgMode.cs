namespace HaproxyNet.Host.Cli;

/// <summary>Process modes set from the command line (1.4's <c>MODE_*</c> bits kept in <c>arg_mode</c>).</summary>
[Flags]
public enum ArgMode
{
    None = 0,

    /// <summary><c>-d</c>: foreground with the per-session trace on stdout (MODE_DEBUG).</summary>
    Debug = 1,

    /// <summary><c>-db</c>: foreground without the trace (MODE_FOREGROUND).</summary>
    Foreground = 2,

    /// <summary><c>-D</c>: fork into the background (MODE_DAEMON).</summary>
    Daemon = 4,

    /// <summary><c>-q</c>: hide messages (MODE_QUIET).</summary>
    Quiet = 8,

    /// <summary><c>-V</c>: show messages even when quiet (MODE_VERBOSE).</summary>
    Verbose = 16,

    /// <summary><c>-c</c>: check the configuration and exit (MODE_CHECK).</summary>
    Check = 32,
}
