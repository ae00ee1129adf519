using HaproxyNet.Config.Environment;
using HaproxyNet.Core.Ports;
using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core;

/// <summary>Non-fatal listener setup messages (start_proxies printing tcp_bind_listener's ERR_WARN / ERR_ALERT).</summary>
public sealed partial class EngineLoop
{
    /// <summary>
    /// Where start-up messages go while binding (1.4 prints them in MODE_STARTING, before quiet mode applies);
    /// null: dropped.
    /// </summary>
    public IDiagnosticSink? StartupMessages { get; set; }

    /// <summary>
    /// start_proxies' <c>verbose</c>: false while <c>-sf</c>/<c>-st</c> bind attempts remain, when 1.4 keeps the
    /// non-fatal reasons to itself (it prints them only on the last attempt or without old processes).
    /// </summary>
    public bool StartupVerbose { get; set; } = true;

    /// <summary>"Starting &lt;kind&gt; &lt;name&gt;: &lt;reason&gt;" as a warning or an alert; the listener stays bound.</summary>
    private void ReportListenerMessage(Proxy p, string? reason, ListenSeverity severity)
    {
        if (reason is null || severity == ListenSeverity.None || !StartupVerbose)
        {
            return;
        }

        var sink = StartupMessages ?? Messages;
        var text = $"Starting {p.CapabilityWord} {p.Name}: {reason}\n";
        if (severity == ListenSeverity.Warning)
        {
            sink?.Warning(text);
        }
        else
        {
            sink?.Alert(text);
        }
    }
}
