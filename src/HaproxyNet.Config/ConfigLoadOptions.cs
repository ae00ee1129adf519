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

    /// <summary>
    /// Read the configuration as a 1.4 built with <c>USE_LINUX_SPLICE=1</c>: <c>option splice-auto</c>,
    /// <c>splice-request</c>, <c>splice-response</c> and <c>tune.pipesize</c> are known. Off by default, as in
    /// the reference build (where they are "unknown"), so that <c>-c</c> answers what 1.4.25 answers.
    /// </summary>
    public bool LinuxSplice { get; init; }
}
