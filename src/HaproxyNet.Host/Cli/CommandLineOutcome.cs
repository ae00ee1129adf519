namespace HaproxyNet.Host.Cli;

/// <summary>How the command-line scan ended.</summary>
public enum CommandLineOutcome
{
    /// <summary>All words read, at least one <c>-f</c>: go on with the configuration.</summary>
    Run = 0,

    /// <summary><c>-v</c>: print the banner and exit 0.</summary>
    Version = 1,

    /// <summary><c>-vv</c>: print the banner and the build options, exit 0.</summary>
    VersionAndBuild = 2,

    /// <summary>Bad word, missing value or no <c>-f</c>: print the usage and exit 1.</summary>
    Usage = 3,
}
