namespace HaproxyNet.Host.Cli;

/// <summary>Everything the 1.4 command line sets, as read by <see cref="CommandLine.Parse"/>.</summary>
/// <remarks>Numbers keep C's <c>atol</c> result truncated to <c>int</c>, as 1.4 stores them.</remarks>
public sealed record CommandLineOptions
{
    /// <summary><c>-f</c> files, in command-line order (at least one after a successful parse).</summary>
    public IReadOnlyList<string> ConfigFiles { get; init; } = [];

    public ArgMode Mode { get; init; }

    public DisabledPollers DisabledPollers { get; init; }

    /// <summary><c>-n</c>: replaces the global maxconn when &gt; 0 (0 = not given).</summary>
    public int MaxConn { get; init; }

    /// <summary><c>-N</c>: default per-proxy maxconn (DEFAULT_MAXPCONN = 2000).</summary>
    public int MaxPConn { get; init; } = CommandLine.DefaultMaxConn;

    /// <summary><c>-m</c>: memory limit in megabytes (0 = none).</summary>
    public int MemMaxMegabytes { get; init; }

    /// <summary><c>-p</c>: replaces the global pidfile (null = not given).</summary>
    public string? PidFile { get; init; }

    public OldPidsSignal OldPidsSignal { get; init; }

    /// <summary><c>-sf</c>/<c>-st</c> PIDs, each &gt; 0.</summary>
    public IReadOnlyList<int> OldPids { get; init; } = [];

    public bool IsCheck => (Mode & ArgMode.Check) != 0;
}
