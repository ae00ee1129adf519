using HaproxyNet.Config.Environment;

namespace HaproxyNet.Config.Parsing;

/// <summary>Adapts <see cref="Diagnostics"/> (quiet rules) to the sink interface the ACL parser takes.</summary>
internal sealed class DiagnosticsSink(Diagnostics diagnostics) : IDiagnosticSink
{
    public void Alert(string text) => diagnostics.Alert(text);

    public void Warning(string text) => diagnostics.Warning(text);
}
