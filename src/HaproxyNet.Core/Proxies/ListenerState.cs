namespace HaproxyNet.Core.Proxies;

/// <summary>Listener state (1.4's LI_*).</summary>
public enum ListenerState
{
    /// <summary>LI_INIT / LI_ASSIGNED: not bound.</summary>
    Init,

    /// <summary>LI_LISTEN: bound, not polled.</summary>
    Listen,

    /// <summary>LI_READY: polled for accepts.</summary>
    Ready,

    /// <summary>LI_FULL: nbconn reached maxconn, polling stopped.</summary>
    Full,
}
