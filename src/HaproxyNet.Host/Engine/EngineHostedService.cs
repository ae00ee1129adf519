using Microsoft.Extensions.Hosting;

namespace HaproxyNet.Host.Engine;

/// <summary>Runs the <see cref="IEngineHost"/> inside the generic host and stops the process when it ends.</summary>
internal sealed class EngineHostedService : BackgroundService
{
    private readonly IEngineHost _engine;
    private readonly EngineStartup _startup;
    private readonly ExitStatus _exitStatus;
    private readonly IHostApplicationLifetime _lifetime;

    public EngineHostedService(IEngineHost engine, EngineStartup startup, ExitStatus exitStatus, IHostApplicationLifetime lifetime)
    {
        _engine = engine;
        _startup = startup;
        _exitStatus = exitStatus;
        _lifetime = lifetime;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            _exitStatus.Code = await _engine.RunAsync(_startup, stoppingToken);
        }
        finally
        {
            _lifetime.StopApplication();
        }
    }
}
