namespace HaproxyNet.Host.Tests.Process;

/// <summary>A theory that runs once <see cref="HaproxyNet.Config.ConfigLoader.Load"/> is implemented.</summary>
internal sealed class ConfigLoaderTheoryAttribute : TheoryAttribute
{
    public ConfigLoaderTheoryAttribute()
    {
        if (!ConfigLoaderAvailability.IsImplemented)
        {
            Skip = ConfigLoaderAvailability.SkipReason;
        }
    }
}
