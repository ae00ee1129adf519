using HaproxyNet.Config.Model;

namespace HaproxyNet.Config.Lint;

/// <summary>Recovers where a validated proxy's queue timeout came from.</summary>
/// <remarks>
/// 1.4's rule (<c>check_config_validity</c>): if the proxy's queue timeout is unset or equal to the last
/// defaults' one, it becomes the last defaults' queue timeout if set, else the proxy's connect timeout, else
/// the last defaults' connect timeout. The model keeps only the result, so a <c>timeout queue</c> written
/// with exactly the connect value cannot be told apart from the fallback; we then report the fallback, which
/// gives the same waiting time.
/// </remarks>
public static class QueueTimeoutSource
{
    /// <summary>Classifies <paramref name="proxy"/>'s queue timeout against <paramref name="defaults"/> (the last defaults).</summary>
    public static QueueTimeoutOrigin Resolve(ProxySection proxy, DefaultsSection defaults)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        ArgumentNullException.ThrowIfNull(defaults);
        var t = proxy.Timeouts;
        if (t.Queue == 0)
        {
            return QueueTimeoutOrigin.None;
        }

        if (defaults.Timeouts.Queue != 0)
        {
            return QueueTimeoutOrigin.TimeoutQueue;
        }

        if (t.Connect != 0)
        {
            return t.Queue == t.Connect ? QueueTimeoutOrigin.ConnectFallback : QueueTimeoutOrigin.TimeoutQueue;
        }

        return t.Queue == defaults.Timeouts.Connect ? QueueTimeoutOrigin.DefaultsConnectFallback : QueueTimeoutOrigin.TimeoutQueue;
    }
}
