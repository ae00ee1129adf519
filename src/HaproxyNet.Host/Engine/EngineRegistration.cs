using Microsoft.Extensions.DependencyInjection;

namespace HaproxyNet.Host.Engine;

/// <summary>The one place where the engine implementation is chosen.</summary>
/// <remarks>The engine integration replaces <see cref="UnavailableEngineHost"/> here.</remarks>
public static class EngineRegistration
{
    public static IServiceCollection AddEngine(this IServiceCollection services) =>
        services.AddSingleton<IEngineHost, UnavailableEngineHost>();
}
