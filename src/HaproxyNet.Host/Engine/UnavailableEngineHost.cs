using HaproxyNet.Config.Environment;

namespace HaproxyNet.Host.Engine;

/// <summary>Stands in until the engine integration registers a real <see cref="IEngineHost"/>.</summary>
/// <remarks>Says so plainly and exits 1, rather than pretending to proxy anything.</remarks>
internal sealed class UnavailableEngineHost : IEngineHost
{
    public const string Message = "This HaproxyNet build has no proxy engine yet; only '-c' (check mode) is available.\n";

    public Task<int> RunAsync(EngineStartup startup, CancellationToken stoppingToken)
    {
        IDiagnosticSink sink = startup.Diagnostics;
        sink.Alert(Message);
        return Task.FromResult(1);
    }
}
