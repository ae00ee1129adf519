using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HaproxyNet.Host.Engine;

/// <summary>Builds and runs the Microsoft.Extensions.Hosting host around the engine.</summary>
/// <remarks>
/// An empty builder on purpose: no default logging (1.4 prints nothing of the sort on stdout/stderr),
/// no appsettings, no environment-variable configuration, and no console lifetime: SIGINT/SIGTERM end the
/// process at once as in 1.4 (see <see cref="ImmediateExitLifetime"/>). 1.4's handled signals (SIGUSR1
/// soft stop, SIGTTOU/SIGTTIN pause, SIGHUP dump, SIGQUIT pools) belong to the engine integration.
/// </remarks>
public static class EngineProcessHost
{
    /// <summary>Runs the engine to completion and returns its exit status.</summary>
    /// <param name="configureServices">Test or integration hook, applied after the default registration.</param>
    public static int Run(EngineStartup startup, Action<IServiceCollection>? configureServices = null)
    {
        var exitStatus = new ExitStatus();
        using var host = CreateBuilder(startup, exitStatus, configureServices).Build();
        host.Run();
        return exitStatus.Code;
    }

    /// <summary>The host's registrations: startup data, exit status, lifetime, engine, hosted service.</summary>
    internal static HostApplicationBuilder CreateBuilder(EngineStartup startup, ExitStatus exitStatus, Action<IServiceCollection>? configureServices)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
        });
        builder.Services.AddSingleton(startup);
        builder.Services.AddSingleton(exitStatus);

        // Registered after the builder's ConsoleLifetime, so this one is resolved.
        builder.Services.AddSingleton<IHostLifetime, ImmediateExitLifetime>();
        builder.Services.AddEngine();
        configureServices?.Invoke(builder.Services);
        builder.Services.AddHostedService<EngineHostedService>();
        return builder;
    }
}
