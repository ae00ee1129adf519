using HaproxyNet.Core.LoadBalancing;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Queueing;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Queueing;

/// <summary>The warm-up task with the be_warm part of the slowstart-queue golden, in TCP.</summary>
public class ServerWarmupTests
{
    private static (EngineHarness H, Proxy P, Server S) WarmingServer()
    {
        var g = new GlobalSettings();
        g.Logs.Add(EngineHarness.Local0);
        var h = new EngineHarness(g, trace: true);
        var p = h.AddListen("w", 10001);
        p.Options = ProxyOptions.TcpLog;
        p.Timeouts.Connect = 2000;
        p.Timeouts.Queue = 5000;
        p.Timeouts.Client = p.Timeouts.Server = 10_000;
        var s = h.AddServer(p, "w1", 20001, SimServerKind.Echo);
        s.MaxConn = s.MinConn = 10;
        s.SlowStartSeconds = 20;
        h.Start();

        // The server comes back up now (set_server_up with slowstart).
        ServerWarmup.Start(h.Loop, s);
        Slowstart.ServerRecalcEweight(s, h.Loop.Clock.NowSeconds);
        return (h, p, s);
    }

    [Fact]
    public void Start_JustUp_DynamicLimitIsOneAndTaskRunsEverySecond()
    {
        var (h, _, s) = WarmingServer();

        Assert.True((s.State & ServerState.WarmingUp) != 0);
        Assert.Equal(1, DynamicMaxconn.SrvDynamicMaxconn(s, h.Loop.Clock.NowSeconds));
        Assert.Equal(1, s.EWeight); // first step of the dynamic weight ramp
        Assert.Equal(h.Loop.Clock.NowMs + 1000, s.Warmup!.Expire);
    }

    [Fact]
    public void WarmupTask_QueuedSessionWhileServerFull_IsQueuedAgainWithBothPositions()
    {
        var (h, p, _) = WarmingServer();
        SimClientAction[] req = [new SimClientAction.Send([1]), new SimClientAction.Recv(1), new SimClientAction.Sleep(700)];
        h.AddClient(10001, 0, req);
        h.AddClient(10001, 100, req);
        h.AddClient(10001, 200, req);

        h.RunUntil(() => h.Network.FinishedClients == 3, 10_000);

        var lines = h.Log.Messages.Where(m => m.Contains(" [", StringComparison.Ordinal)).Select(m => string.Join(' ', m.Split(' ').Skip(4))).ToList();
        Assert.Equal(
            [
                "0/0/700 1 -- 2/2/2/0/0 0/0",
                "600/0/1300 1 -- 1/1/1/0/0 0/1",
                "1200/0/1900 1 -- 0/0/0/0/0 0/3",
            ],
            lines);
        Assert.Equal(0, p.TotPend);
        Assert.Contains(h.Trace!.Entries, e => e.Message.StartsWith("server_warmup w/w1:", StringComparison.Ordinal) && e.Message.EndsWith("1 session(s) moved from the backend queue", StringComparison.Ordinal));
    }

    [Fact]
    public void WarmupTask_WindowOver_ClearsWarmingUpAndStops()
    {
        var (h, _, s) = WarmingServer();

        h.RunFor(20_000);

        Assert.True((s.State & ServerState.WarmingUp) == 0);
        Assert.Equal(16, s.EWeight);
        Assert.Equal(10, DynamicMaxconn.SrvDynamicMaxconn(s, h.Loop.Clock.NowSeconds));
        Assert.Equal(0, s.Warmup!.Expire);
    }
}
