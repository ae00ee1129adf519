using HaproxyNet.Config.Model;

namespace HaproxyNet.Host.Startup;

/// <summary>Reads <c>daemon</c>/<c>debug</c>/<c>quiet</c>/<c>nbproc</c> from the configuration's global section.</summary>
internal static class ConfigModesReader
{
    public static ConfigModes Read(ConfigDocument document)
    {
        var global = document.Global;
        return new ConfigModes(global.Daemon, global.Debug, global.Quiet, global.NbProc);
    }
}
