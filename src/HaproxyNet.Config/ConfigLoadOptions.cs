namespace HaproxyNet.Config;

/// <summary>Command-line settings that influence how a configuration is read.</summary>
public sealed record ConfigLoadOptions
{
    /// <summary><c>-N</c>: the default per-proxy maxconn a <c>defaults</c> section starts from (2000).</summary>
    public int DefaultProxyMaxconn { get; init; } = 2000;

    /// <summary><c>-q</c>: hide warnings (alerts stay while starting).</summary>
    public bool Quiet { get; init; }

    /// <summary><c>-V</c>: cancels quiet for messages.</summary>
    public bool Verbose { get; init; }
}
