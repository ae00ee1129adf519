namespace HaproxyNet.Logging.Diagnostics;

/// <summary>How <see cref="HaproxyNetLogging.CreateFactory"/> sets NLog up.</summary>
/// <param name="ConfigFile">An nlog.config to load (extra routes, files, console); ignored when missing.</param>
/// <param name="TraceEnabled">The session-trace switch: routes <c>HaproxyNet.Trace</c> at Debug to stderr
/// when no config file is given (with a file, its own rules decide).</param>
/// <param name="DiagnosticsMinLevel">Minimum NLog level of the process's own diagnostics on stderr when no
/// config file is given (NLog level name: Trace, Debug, Info, Warn, Error, Fatal, Off).</param>
public sealed record HaproxyNetLoggingOptions(string? ConfigFile = null, bool TraceEnabled = false, string DiagnosticsMinLevel = "Warn");
