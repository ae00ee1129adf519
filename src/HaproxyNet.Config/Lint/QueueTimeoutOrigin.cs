namespace HaproxyNet.Config.Lint;

/// <summary>Where a backend's effective queue timeout comes from (check_config_validity's fallback chain).</summary>
public enum QueueTimeoutOrigin
{
    /// <summary>Zero: neither <c>timeout queue</c> nor any <c>timeout connect</c> is set; queued sessions never expire.</summary>
    None,

    /// <summary>A <c>timeout queue</c> line (in the proxy or a defaults section).</summary>
    TimeoutQueue,

    /// <summary>No distinct <c>timeout queue</c>: 1.4 copied the proxy's <c>timeout connect</c>.</summary>
    ConnectFallback,

    /// <summary>No <c>timeout queue</c> nor own <c>timeout connect</c>: 1.4 copied the last defaults' <c>timeout connect</c>.</summary>
    DefaultsConnectFallback,
}
