namespace HaproxyNet.Config.Model;

/// <summary>A proxy's timeouts in milliseconds; 0 means none (1.4's TICK_ETERNITY).</summary>
public sealed record ProxyTimeouts(
    uint Client,
    uint Server,
    uint Connect,
    uint Queue,
    uint Tarpit,
    uint HttpRequest,
    uint HttpKeepAlive,
    uint Check);
