using HaproxyNet.Config.Environment;

namespace HaproxyNet.Benchmarks;

/// <summary>Counts diagnostics without keeping them, so printing does not weigh on the measurement.</summary>
internal sealed class NullDiagnosticSink : IDiagnosticSink
{
    public int Alerts { get; private set; }

    public int Warnings { get; private set; }

    public void Alert(string text) => Alerts++;

    public void Warning(string text) => Warnings++;
}
