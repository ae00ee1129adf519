using Microsoft.Extensions.DependencyInjection;

namespace HaproxyNet.Host.Engine;

/// <summary>The one place where the engine implementation is chosen.</summary>
/// <remarks>The real engine (<see cref="Runtime.ProxyEngineHost"/>); <see cref="UnavailableEngineHost"/> stays for tests of the seam.</remarks>
public static class EngineRegistration
{
    public static IServiceCollection AddEngine(this IServiceCollection services) =>
        services.AddSingleton<IEngineHost, Runtime.ProxyEngineHost>();
}
