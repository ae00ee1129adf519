using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.LoadBalancing;

/// <summary>Effective weight during slowstart and the warm-up task's period.</summary>
/// <remarks>HAProxy 1.4 <c>server_recalc_eweight</c> (server.c) and the warmup task of checks.c.</remarks>
public static class Slowstart
{
    /// <summary>
    /// Recomputes <see cref="Server.EWeight"/> at <paramref name="nowSeconds"/>, clearing
    /// <see cref="ServerState.WarmingUp"/> once the slowstart window is over (or the clock went backwards), and
    /// notifies the backend's load balancer.
    /// </summary>
    /// <remarks>
    /// Dynamic algorithms ramp the weight in 16 steps: <c>w = (16 * elapsed + slowstart) / slowstart</c>;
    /// map algorithms keep the full weight (only maxconn is throttled). The notification is
    /// <see cref="ILoadBalancer.UpdateServerWeight"/> (map balancers treat it as up/down, like 1.4's fallback when
    /// <c>update_server_eweight</c> is absent). Does nothing to the LB when the backend has none.
    /// </remarks>
    public static void ServerRecalcEweight(Server server, long nowSeconds)
    {
        var lb = server.Proxy.Lb;
        if (nowSeconds < server.LastChangeSeconds || nowSeconds >= server.LastChangeSeconds + server.SlowStartSeconds)
        {
            server.State &= ~ServerState.WarmingUp;
        }

        var wdiv = lb?.WDiv ?? LbMath.WeightScale;
        var wmult = lb?.WMult ?? 1;
        long w;
        if ((server.State & ServerState.WarmingUp) != 0 && lb is not null && lb.Settings.IsDynamic)
        {
            w = ((wdiv * (nowSeconds - server.LastChangeSeconds)) + server.SlowStartSeconds) / server.SlowStartSeconds;
        }
        else
        {
            w = wdiv;
        }

        server.EWeight = (int)(((server.UWeight * w) + wmult - 1) / wmult);
        lb?.UpdateServerWeight(server);
    }

    /// <summary>
    /// Milliseconds between two runs of the warm-up task: <c>max(1000, slowstart / 20)</c> where 1.4 divides the
    /// slowstart in seconds as if it were milliseconds, so it is 1000 unless slowstart exceeds 20000 s.
    /// </summary>
    public static long WarmupIntervalMs(Server server) => Math.Max(1000L, server.SlowStartSeconds / 20);

    /// <summary>
    /// One run of a server's warm-up task: recomputes the weight of a running, warming-up server that is not in
    /// maintenance. The caller then moves backend-queue sessions to the server (<c>check_for_pending</c>) unless
    /// the outcome is <see cref="WarmupOutcome.NotWarming"/>, and re-arms the task after
    /// <see cref="WarmupIntervalMs"/> only for <see cref="WarmupOutcome.Stepped"/>.
    /// </summary>
    /// <remarks>HAProxy 1.4 <c>server_warmup</c> (checks.c).</remarks>
    public static WarmupOutcome ServerWarmup(Server server, long nowSeconds)
    {
        const ServerState mask = ServerState.Running | ServerState.WarmingUp | ServerState.Maintain;
        if ((server.State & mask) != (ServerState.Running | ServerState.WarmingUp))
        {
            return WarmupOutcome.NotWarming;
        }

        ServerRecalcEweight(server, nowSeconds);
        return (server.State & ServerState.WarmingUp) != 0 ? WarmupOutcome.Stepped : WarmupOutcome.Finished;
    }
}
