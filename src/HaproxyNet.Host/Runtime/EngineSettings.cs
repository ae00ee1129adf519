using HaproxyNet.Core.Ports;

namespace HaproxyNet.Host.Runtime;

/// <summary>What the running process takes from its environment rather than from the 1.4 command line.</summary>
/// <param name="TraceEnabled">The session-trace switch (<see cref="TraceVariable"/>=1).</param>
/// <param name="NLogConfigFile">An nlog.config routing diagnostics and the trace (<see cref="NLogConfigVariable"/>).</param>
/// <param name="Network">Tests may pass a network; null = epoll (or the portable transport with -de).</param>
/// <param name="WarmUp">Compile the engine before binding (<c>JitWarmup</c>; not in the native binary); tests of the wiring skip it.</param>
internal sealed record EngineSettings(bool TraceEnabled = false, string? NLogConfigFile = null, INetwork? Network = null, bool WarmUp = true)
{
    /// <summary>No command-line flag, so 1.4's command line stays exact: the trace is switched by the environment.</summary>
    public const string TraceVariable = "HAPROXYNET_TRACE";

    public const string NLogConfigVariable = "HAPROXYNET_NLOG_CONFIG";

    public static EngineSettings FromEnvironment() => new(
        Environment.GetEnvironmentVariable(TraceVariable) == "1",
        Environment.GetEnvironmentVariable(NLogConfigVariable) is { Length: > 0 } path ? path : null);
}
