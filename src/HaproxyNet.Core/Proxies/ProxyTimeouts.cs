namespace HaproxyNet.Core.Proxies;

/// <summary>A proxy's timeouts in milliseconds, 0 = unset (never).</summary>
/// <remarks>
/// <see cref="Queue"/> must already carry 1.4's fallback (defaults queue, own connect, defaults connect) computed by
/// check_config_validity; the engine never falls back by itself.
/// </remarks>
public sealed class ProxyTimeouts
{
    /// <summary><c>timeout client</c>.</summary>
    public int Client { get; set; }

    /// <summary><c>timeout server</c>.</summary>
    public int Server { get; set; }

    /// <summary><c>timeout connect</c>.</summary>
    public int Connect { get; set; }

    /// <summary><c>timeout queue</c> (after fallback).</summary>
    public int Queue { get; set; }

    /// <summary><c>timeout tarpit</c> (after fallback).</summary>
    public int Tarpit { get; set; }

    /// <summary><c>timeout http-request</c>.</summary>
    public int HttpRequest { get; set; }

    /// <summary><c>timeout http-keep-alive</c>.</summary>
    public int HttpKeepAlive { get; set; }
}
