using HaproxyNet.Config.Environment;

namespace HaproxyNet.Host.Tests;

/// <summary>Records diagnostics as "ALERT:text" / "WARNING:text".</summary>
internal sealed class CapturingSink : IDiagnosticSink
{
    public List<string> Messages { get; } = [];

    public void Alert(string text) => Messages.Add("ALERT:" + text);

    public void Warning(string text) => Messages.Add("WARNING:" + text);
}
