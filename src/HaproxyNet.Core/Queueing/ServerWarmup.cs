using HaproxyNet.Core.LoadBalancing;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Tasks;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Queueing;

/// <summary>
/// The slowstart warm-up task of one server: every max(1000, slowstart/20) ms it recomputes the effective weight
/// and hands backend-queue sessions to the server (<see cref="ServerQueue.CheckForPending"/>), until the
/// slowstart window is over.
/// </summary>
/// <remarks>
/// HAProxy 1.4 <c>server_warmup</c> (checks.c). <c>check_for_pending</c> moves up to the dynamic limit whatever the
/// server already serves, so a still-full server sends the session back through the load balancer and it is queued
/// again at the tail, its backend-queue position added twice (golden slowstart-queue: <c>0/3</c>).
/// </remarks>
public sealed class ServerWarmup : EngineTask
{
    private ServerWarmup(EngineLoop loop, Server server)
    {
        Loop = loop;
        Server = server;
    }

    public EngineLoop Loop { get; }

    public Server Server { get; }

    /// <summary>
    /// Called when <paramref name="server"/> comes up with slowstart (set_server_up): marks it WARMINGUP from now and
    /// schedules the first warm-up run one period later. The caller notifies the load balancer of the state change.
    /// </summary>
    public static ServerWarmup? Start(EngineLoop loop, Server server)
    {
        if (server.SlowStartSeconds <= 0)
        {
            return null;
        }

        server.State |= ServerState.WarmingUp;
        server.LastChangeSeconds = loop.Clock.NowSeconds;
        var task = server.Warmup ??= new ServerWarmup(loop, server);
        loop.Scheduler.Schedule(task, Ticks.Add(loop.Clock.NowMs, (int)Slowstart.WarmupIntervalMs(server)));
        return task;
    }

    /// <summary>The server's warm-up task, created once (start_checks creates one per slowstart server).</summary>
    public static ServerWarmup For(EngineLoop loop, Server server) => server.Warmup ??= new ServerWarmup(loop, server);

    public override bool Process()
    {
        Expire = Ticks.Eternity;
        var s = Server;
        if ((s.State & (ServerState.Running | ServerState.WarmingUp | ServerState.Maintain)) != (ServerState.Running | ServerState.WarmingUp))
        {
            return true;
        }

        var now = Loop.Clock.NowSeconds;
        Slowstart.ServerRecalcEweight(s, now);
        var moved = ServerQueue.CheckForPending(Loop, s);
        if (Loop.Trace.IsEnabled && moved > 0)
        {
            Loop.Trace.Trace(-1, $"server_warmup {s.Proxy.Name}/{s.Name}: eweight={s.EWeight}, {moved} session(s) moved from the backend queue");
        }

        if ((s.State & ServerState.WarmingUp) != 0)
        {
            Expire = Ticks.Add(Loop.Clock.NowMs, (int)Slowstart.WarmupIntervalMs(s));
        }

        return true;
    }
}
