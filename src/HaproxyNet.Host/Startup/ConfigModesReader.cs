using HaproxyNet.Config.Model;

namespace HaproxyNet.Host.Startup;

/// <summary>Reads <c>daemon</c>/<c>debug</c>/<c>quiet</c>/<c>nbproc</c> from the configuration model.</summary>
internal static class ConfigModesReader
{
    /// <remarks>
    /// The agreed <see cref="ConfigDocument"/> does not expose the global section yet, so this reports
    /// no configuration modes; it is wired to the model's global section when the config parser lands.
    /// </remarks>
    public static ConfigModes Read(ConfigDocument document)
    {
        _ = document;
        return ConfigModes.None;
    }
}
