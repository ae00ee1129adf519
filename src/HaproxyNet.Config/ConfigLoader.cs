using HaproxyNet.Config.Environment;

namespace HaproxyNet.Config;

/// <summary>
/// Front door of the config library: reads every <c>-f</c> file in order (<c>readcfgfile</c>), then runs the
/// post-parse checks (<c>check_config_validity</c>), emitting 1.4.25's exact diagnostics to the sink.
/// </summary>
public static partial class ConfigLoader
{
    /// <summary>Reads <paramref name="files"/> in order and validates the result.</summary>
    /// <returns>The model with exit code 0, or exit code 1 once a fatal alert or an abort happened.</returns>
    public static ConfigLoadResult Load(
        IReadOnlyList<string> files, ConfigLoadOptions options, IConfigEnvironment environment, IDiagnosticSink sink)
    {
        // Contract placeholder: the config parser replaces this body.
        throw new NotImplementedException();
    }
}
