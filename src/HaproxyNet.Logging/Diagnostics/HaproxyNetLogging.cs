using HaproxyNet.Logging.Syslog;
using HaproxyNet.Logging.Targets;
using NLog;
using NLog.Config;
using NLog.Targets;

namespace HaproxyNet.Logging.Diagnostics;

/// <summary>Builds the process's NLog factory: syslog transport, optional nlog.config, diagnostics and trace.</summary>
/// <remarks>
/// Always: the <see cref="SyslogUdpTarget"/> (type name <c>SyslogUdp</c>, registered in code) receives every
/// <c>HaproxyNet.Syslog</c> event through a first, non-final rule, so a config file may route the same lines
/// elsewhere too (a file that declares a <c>SyslogUdp</c> target itself is trusted to route it). Without a config file: syslog lines go nowhere else, other <c>HaproxyNet.*</c> diagnostics
/// go to stderr from <see cref="HaproxyNetLoggingOptions.DiagnosticsMinLevel"/>, and the session trace to
/// stderr when switched on. The factory is private to the caller (no global <c>LogManager</c> state).
/// </remarks>
public static class HaproxyNetLogging
{
    /// <summary>Layout of stderr diagnostics and trace lines.</summary>
    public const string DiagnosticsLayout =
        "${longdate} ${level:uppercase=true} ${logger}: ${event-properties:item=session:whenEmpty=-} ${message}${onexception: ${exception}}";

    public static LogFactory CreateFactory(HaproxyNetLoggingOptions options)
    {
        var factory = new LogFactory();
        factory.Setup().SetupExtensions(static ext => ext.RegisterTarget<SyslogUdpTarget>(SyslogUdpTarget.TypeName));

        var hasFile = options.ConfigFile is not null && File.Exists(options.ConfigFile);
        var config = hasFile
            ? new XmlLoggingConfiguration(options.ConfigFile!, factory)
            : new LoggingConfiguration(factory);

        // A config file that declares its own SyslogUdp target also routes it; otherwise add ours first.
        if (FindSyslogTarget(config) is null)
        {
            var syslog = new SyslogUdpTarget();
            config.AddTarget(syslog);
            config.LoggingRules.Insert(0, new LoggingRule(SyslogLogSink.LoggerName, LogLevel.Trace, syslog) { Final = !hasFile });
        }

        if (!hasFile)
        {
            var stderr = new ConsoleTarget("stderr") { StdErr = true, Layout = DiagnosticsLayout };
            config.AddTarget(stderr);
            if (options.TraceEnabled)
            {
                config.LoggingRules.Add(new LoggingRule(NLogSessionTrace.LoggerName, LogLevel.Debug, stderr) { Final = true });
            }

            config.LoggingRules.Add(new LoggingRule("HaproxyNet.*", LogLevel.FromString(options.DiagnosticsMinLevel), stderr));
        }

        factory.Configuration = config;
        return factory;
    }

    /// <summary>The syslog transport target of <paramref name="factory"/> (to hook <see cref="SyslogUdpTarget.SendFailed"/>).</summary>
    public static SyslogUdpTarget? SyslogTarget(LogFactory factory) =>
        factory.Configuration is { } config ? FindSyslogTarget(config) : null;

    private static SyslogUdpTarget? FindSyslogTarget(LoggingConfiguration config)
    {
        foreach (var target in config.AllTargets)
        {
            if (target is SyslogUdpTarget syslog)
            {
                return syslog;
            }
        }

        return null;
    }
}
