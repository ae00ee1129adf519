using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.Queueing;

/// <summary>The effective per-server connection limit.</summary>
/// <remarks>HAProxy 1.4 <c>srv_dynamic_maxconn</c> (queue.c). Time is passed in, never read.</remarks>
public static class DynamicMaxconn
{
    /// <summary>
    /// Returns <c>max(minconn, beconn * maxconn / fullconn)</c> while the backend is below fullconn,
    /// <c>maxconn</c> otherwise, scaled down (never below 1) while the server warms up after slowstart.
    /// </summary>
    /// <param name="server">The server; its backend supplies beconn and fullconn.</param>
    /// <param name="nowSeconds">Current time in whole seconds (1.4's <c>now.tv_sec</c>).</param>
    public static int SrvDynamicMaxconn(Server server, long nowSeconds)
    {
        var backend = server.Proxy;
        int max;
        if (backend.BeConn >= backend.FullConn)
        {
            max = server.MaxConn;
        }
        else if (server.MinConn == server.MaxConn)
        {
            max = server.MaxConn;
        }
        else
        {
            // Integer arithmetic as in C: beconn * maxconn / fullconn, truncated.
            max = Math.Max(server.MinConn, (int)((long)backend.BeConn * server.MaxConn / backend.FullConn));
        }

        if ((server.State & ServerState.WarmingUp) != 0
            && nowSeconds >= server.LastChangeSeconds
            && nowSeconds < server.LastChangeSeconds + server.SlowStartSeconds)
        {
            var ratio = (int)(100 * (nowSeconds - server.LastChangeSeconds) / server.SlowStartSeconds);
            max = Math.Max(1, max * ratio / 100);
        }

        return max;
    }
}
