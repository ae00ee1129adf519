using HaproxyNet.Core.Diagnostics;
using NLog;

namespace HaproxyNet.Logging.Diagnostics;

/// <summary>Routes Core's per-session decision trace to NLog (logger <c>HaproxyNet.Trace</c>, level Debug).</summary>
/// <remarks>
/// Off unless the switch is on <em>and</em> a rule enables the logger at Debug, so Core formats nothing by
/// default. The session id travels as the <c>session</c> property (layout: <c>${event-properties:item=session}</c>).
/// </remarks>
public sealed class NLogSessionTrace : ISessionTrace
{
    public const string LoggerName = "HaproxyNet.Trace";

    /// <summary>Event property holding the session's <c>uniq_id</c>.</summary>
    public const string SessionProperty = "session";

    private readonly Logger _logger;
    private readonly bool _enabled;

    public NLogSessionTrace(LogFactory factory, bool enabled)
    {
        _logger = factory.GetLogger(LoggerName);
        _enabled = enabled;
    }

    public bool IsEnabled => _enabled && _logger.IsDebugEnabled;

    public void Trace(long sessionId, string message)
    {
        if (!IsEnabled)
        {
            return;
        }

        var logEvent = LogEventInfo.Create(LogLevel.Debug, LoggerName, message);
        logEvent.Properties[SessionProperty] = sessionId;
        _logger.Log(logEvent);
    }
}
