namespace HaproxyNet.Host.Tests.Process;

/// <summary>A fact that runs once <see cref="HaproxyNet.Config.ConfigLoader.Load"/> is implemented.</summary>
internal sealed class ConfigLoaderFactAttribute : FactAttribute
{
    public ConfigLoaderFactAttribute()
    {
        if (!ConfigLoaderAvailability.IsImplemented)
        {
            Skip = ConfigLoaderAvailability.SkipReason;
        }
    }
}
