namespace HaproxyNet.Core.Ports;

/// <summary>
/// Severity of a listener setup message (1.4's ERR_ALERT / ERR_WARN from <c>tcp_bind_listener</c>), printed by
/// <c>start_proxies</c> as <c>Starting &lt;kind&gt; &lt;name&gt;: &lt;reason&gt;</c>.
/// </summary>
public enum ListenSeverity
{
    /// <summary>No message.</summary>
    None,

    /// <summary>ERR_WARN: printed as a warning; the listener is bound.</summary>
    Warning,

    /// <summary>ERR_ALERT without a failure code: printed as an alert; the listener is bound.</summary>
    Alert,
}
