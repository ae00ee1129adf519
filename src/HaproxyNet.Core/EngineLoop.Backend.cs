using HaproxyNet.Core.Logging;
using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core;

/// <summary>Backend-wide state messages for the health-check code.</summary>
public sealed partial class EngineLoop
{
    /// <summary>
    /// set_backend_down: the backend lost its last usable server. Logs "&lt;type&gt; &lt;name&gt; has no server available!"
    /// at emerg on the backend's loggers; the stderr alert quotes the name.
    /// </summary>
    /// <remarks>HAProxy 1.4 <c>set_backend_down</c> (backend.c), called by the checks when srv_act and srv_bck are 0.</remarks>
    public void SetBackendDown(Proxy be)
    {
        be.LastChangeSeconds = Clock.NowSeconds;
        be.DownTransitions++;
        Messages?.Alert($"{be.CapabilityWord} '{be.Name}' has no server available!\n");
        SendLog(be, LogLevels.Emerg, $"{be.CapabilityWord} {be.Name} has no server available!\n");
    }
}
