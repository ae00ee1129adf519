using HaproxyNet.Core.Checks;
using HaproxyNet.Core.LoadBalancing;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Queueing;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Checks;

/// <summary>What a transition does to traffic: the slowstart ramp after UP, and the queue of a server going DOWN.</summary>
public class ServerHealthTests
{
    [Fact]
    public void Up_Slowstart_WeightAndMaxconnRampEachSecondUntilTheWindowEnds()
    {
        var b = new CheckTestBed();
        var s = b.AddChecked("s1", 20001, SimServerKind.Refuse, rise: 1, fall: 1, inter: 1000);
        s.SlowStartSeconds = 10;
        s.MaxConn = 100;
        s.MinConn = 100;
        b.Start();
        Assert.False(s.IsRunning);

        b.Peer(s).Kind = SimServerKind.Echo;
        b.H.RunUntilMs(1000); // UP at t=1 s: the first step of the ramp
        Assert.True(s.IsRunning);
        Assert.Equal(ServerState.WarmingUp, s.State & ServerState.WarmingUp);
        Assert.Equal(1, s.EWeight); // uweight, without the x16 scale
        b.H.RunUntilMs(1999);
        Assert.Equal(1, s.EWeight);
        Assert.Equal(1, DynamicMaxconn.SrvDynamicMaxconn(s, b.H.Loop.Clock.NowSeconds));

        b.H.RunUntilMs(2000); // the warm-up task, 1 s later: (16 * 1 + 10) / 10
        Assert.Equal(2, s.EWeight);
        Assert.Equal(10, DynamicMaxconn.SrvDynamicMaxconn(s, b.H.Loop.Clock.NowSeconds));

        b.H.RunUntilMs(10999);
        Assert.Equal(15, s.EWeight); // (16 * 9 + 10) / 10
        Assert.Equal(ServerState.WarmingUp, s.State & ServerState.WarmingUp);
        b.H.RunUntilMs(11000); // slowstart over: full weight, no throttle
        Assert.Equal(16, s.EWeight);
        Assert.Equal(ServerState.None, s.State & ServerState.WarmingUp);
        Assert.Equal(100, DynamicMaxconn.SrvDynamicMaxconn(s, b.H.Loop.Clock.NowSeconds));
    }

    [Theory]
    [InlineData(true, "1 sessions active, 1 requeued, 0 remaining in queue.")]
    [InlineData(false, "1 sessions active, 0 requeued, 1 remaining in queue.")]
    public void Down_SessionQueuedOnServer_RedispatchedOnlyWithOptionRedispatch(bool redispatch, string counts)
    {
        var b = new CheckTestBed();
        if (redispatch)
        {
            b.P.Options |= ProxyOptions.Redispatch;
        }

        var s1 = b.AddChecked("s1", 20001, SimServerKind.Hold, rise: 1, fall: 1, inter: 1000);
        s1.CheckPort = 20011; // checked on another port
        b.H.Network.AddServer(EngineHarness.Ep(20011), SimServerKind.Echo);
        s1.MaxConn = 1;
        s1.MinConn = 1;
        var s2 = b.H.AddServer(b.P, "s2", 20002, SimServerKind.Echo);
        s2.State |= ServerState.Backup;
        LoadBalancerFactory.Create(b.P, new LbSettings { Algorithm = LbAlgorithm.Source });
        b.Start();

        b.H.AddClient(CheckTestBed.FePort, 100, [new SimClientAction.Send("x"u8.ToArray()), new SimClientAction.HoldUntil(3000)]);
        var second = b.H.AddClient(CheckTestBed.FePort, 200, [new SimClientAction.Send("y"u8.ToArray()), new SimClientAction.Recv(1)]);
        b.H.RunUntilMs(500);
        Assert.Equal(1, s1.NbPend); // hashed to s1, which is full: queued on the server

        b.H.Network.ServerAt(EngineHarness.Ep(20011))!.Kind = SimServerKind.Refuse;
        b.H.RunUntilMs(1000);

        var down = Assert.Single(b.Lines("Server px/s1 is DOWN"));
        Assert.EndsWith("0 active and 1 backup servers left. Running on backup. " + counts, down, StringComparison.Ordinal);
        b.H.RunFor(10);
        Assert.Equal(redispatch, second.Done);
        Assert.Equal(redispatch ? 1 : 0, b.H.Network.ServerAt(EngineHarness.Ep(20002))!.Accepted);
    }

    [Fact]
    public void Observe_SuddenDeath_FullHealthServerLeftOneFailureFromDown()
    {
        var b = new CheckTestBed();
        var s = b.AddChecked("s1", 20001, SimServerKind.Echo, rise: 2, fall: 3, inter: 10000);
        s.Observe = ObserveMode.Layer4;
        s.ErrorLimit = 1;
        s.OnError = OnErrorAction.SuddenDeath;
        b.Start();
        Assert.Equal(4, s.Health);

        HealthAdjust.Report(b.H.Loop, s, AnalyzeStatus.L4Error);
        Assert.True(s.IsRunning);
        Assert.Equal(2, s.Health); // rise + 1, then one failed check
        Assert.Equal(CheckStatus.HealthAnalyze, s.CheckStatus);
        Assert.Equal("Detected 1 consecutive errors, last one was: L4 unsuccessful connection", s.CheckDesc);

        HealthAdjust.Report(b.H.Loop, s, AnalyzeStatus.L4Error);
        Assert.False(s.IsRunning);
        Assert.Equal(
            "Server px/s1 is DOWN, reason: Health analyze, info: \"Detected 1 consecutive errors, last one was: L4 unsuccessful connection\". 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
            Assert.Single(b.Lines("is DOWN")));
    }

    [Fact]
    public void Observe_Layer4Success_ResetsTheErrorCount_Layer7IgnoresConnections()
    {
        var b = new CheckTestBed();
        var s = b.AddChecked("s1", 20001, SimServerKind.Echo);
        s.Observe = ObserveMode.Layer4;
        s.ErrorLimit = 2;
        b.Start();

        HealthAdjust.Report(b.H.Loop, s, AnalyzeStatus.L4Error);
        HealthAdjust.Report(b.H.Loop, s, AnalyzeStatus.L4Ok);
        HealthAdjust.Report(b.H.Loop, s, AnalyzeStatus.L4Error);
        Assert.Equal(1, s.ConsecutiveErrors);
        Assert.Equal(0, s.FailedHana);

        s.Observe = ObserveMode.Layer7;
        HealthAdjust.Report(b.H.Loop, s, AnalyzeStatus.L4Ok);
        Assert.Equal(1, s.ConsecutiveErrors);
        HealthAdjust.Report(b.H.Loop, s, AnalyzeStatus.HttpStatus);
        Assert.Equal(0, s.ConsecutiveErrors);
        Assert.Equal(1, s.FailedHana);
    }

    [Fact]
    public void LogHealthChecks_StateMovingChecksLogged_TransitionLinesLoseTheReason()
    {
        var b = new CheckTestBed();
        b.P.CheckSettings = CheckSettings.Tcp with { LogHealthChecks = true };
        var s = b.AddChecked("s1", 20001, SimServerKind.Echo, rise: 2, fall: 2, inter: 1000);
        b.Start();
        b.Peer(s).Kind = SimServerKind.Refuse;
        b.H.RunUntilMs(2000);

        Assert.Equal(
            [
                "Health check for server px/s1 succeeded, reason: Layer4 check passed, check duration: 0ms, status: 2/2 UP.",
                "Health check for server px/s1 failed, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms, status: 1/2 UP.",
                "Health check for server px/s1 failed, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms, status: 0/2 DOWN.",
                "Server px/s1 is DOWN. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
            ],
            b.Lines("px/s1"));
    }
}
