using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HaproxyNet.Host.Engine;

/// <summary>Builds and runs the Microsoft.Extensions.Hosting host around the engine.</summary>
/// <remarks>
/// An empty builder on purpose: no default logging (1.4 prints nothing of the sort on stdout/stderr),
/// no appsettings, no environment-variable configuration. The host's own console lifetime handles
/// SIGINT/SIGTERM as a stop request; 1.4's signal semantics (SIGUSR1 soft stop, SIGTTOU/SIGTTIN pause,
/// SIGHUP dump) belong to the engine integration.
/// </remarks>
public static class EngineProcessHost
{
    /// <summary>Runs the engine to completion and returns its exit status.</summary>
    /// <param name="configureServices">Test or integration hook, applied after the default registration.</param>
    public static int Run(EngineStartup startup, Action<IServiceCollection>? configureServices = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
        });
        var exitStatus = new ExitStatus();
        builder.Services.AddSingleton(startup);
        builder.Services.AddSingleton(exitStatus);
        builder.Services.AddEngine();
        configureServices?.Invoke(builder.Services);
        builder.Services.AddHostedService<EngineHostedService>();

        using var host = builder.Build();
        host.Run();
        return exitStatus.Code;
    }
}
