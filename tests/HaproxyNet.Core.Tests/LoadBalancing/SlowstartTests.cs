using HaproxyNet.Core.LoadBalancing;
using HaproxyNet.Core.Proxies;
using static HaproxyNet.Core.Tests.LoadBalancing.LbTestBackend;

namespace HaproxyNet.Core.Tests.LoadBalancing;

public class SlowstartTests
{
    /// <summary>Brings <paramref name="s"/> back up at <paramref name="now"/> the way set_server_up does.</summary>
    private static void ComeBackUp(Server s, long now)
    {
        s.State |= ServerState.Running | ServerState.WarmingUp;
        s.LastChangeSeconds = now;
        Slowstart.ServerRecalcEweight(s, now);
    }

    private static (Proxy Px, ILoadBalancer Lb, Server S) DownWithSlowstart(LbAlgorithm algorithm, int weight, int slowstart)
    {
        var (px, lb) = Create(Algo(algorithm), "s:" + weight, "o:1");
        var s = Srv(px, "s");
        s.SlowStartSeconds = slowstart;
        SetDown(lb, s);
        return (px, lb, s);
    }

    [Theory]
    [InlineData(100, 2)]
    [InlineData(101, 4)]
    [InlineData(105, 18)]
    [InlineData(109, 30)]
    public void ServerRecalcEweight_DynamicDuringWarmup_RampsInSixteenths(long now, int eweight)
    {
        // uweight 2, slowstart 10 s, up at 100: w = (16 * elapsed + 10) / 10.
        var (_, lb, s) = DownWithSlowstart(LbAlgorithm.RoundRobin, 2, 10);
        ComeBackUp(s, 100);

        Slowstart.ServerRecalcEweight(s, now);

        Assert.Equal(eweight, s.EWeight);
        Assert.True((s.State & ServerState.WarmingUp) != 0);
        Assert.Equal(16 + eweight, lb.TotWeight);
    }

    [Fact]
    public void ServerRecalcEweight_SlowstartElapsed_FullWeightAndFlagCleared()
    {
        var (_, lb, s) = DownWithSlowstart(LbAlgorithm.LeastConn, 2, 10);
        ComeBackUp(s, 100);

        Slowstart.ServerRecalcEweight(s, 110);

        Assert.Equal(32, s.EWeight);
        Assert.Equal(ServerState.None, s.State & ServerState.WarmingUp);
        Assert.Equal(48, lb.TotWeight);
    }

    [Fact]
    public void ServerRecalcEweight_ClockWentBackwards_FlagCleared()
    {
        var (_, _, s) = DownWithSlowstart(LbAlgorithm.RoundRobin, 1, 10);
        ComeBackUp(s, 100);

        Slowstart.ServerRecalcEweight(s, 99);

        Assert.Equal(16, s.EWeight);
        Assert.Equal(ServerState.None, s.State & ServerState.WarmingUp);
    }

    [Fact]
    public void ServerRecalcEweight_ComesUp_UsableAtFirstStepAndPicked()
    {
        var (_, lb, s) = DownWithSlowstart(LbAlgorithm.RoundRobin, 1, 16);
        ComeBackUp(s, 0);

        Assert.Equal(1, s.EWeight);
        Assert.True(s.IsUsable);
        Assert.Equal(2, lb.SrvAct);
        Assert.Contains("s", Sequence(lb, 40).Split(' '));
    }

    [Fact]
    public void ServerRecalcEweight_MapAlgorithm_KeepsFullWeight()
    {
        var (_, lb, s) = DownWithSlowstart(LbAlgorithm.StaticRoundRobin, 3, 10);
        ComeBackUp(s, 100);

        Assert.Equal(3, s.EWeight);
        Assert.True((s.State & ServerState.WarmingUp) != 0);
        Assert.Equal(4, lb.TotWeight);
    }

    [Fact]
    public void ServerRecalcEweight_ConsistentHash_RingPointsFollowWeight()
    {
        var (px, lb) = Create(Algo(LbAlgorithm.Uri, HashType.Consistent), "s:2", "o:1");
        var s = Srv(px, "s");
        s.SlowStartSeconds = 10;
        SetDown(lb, s);
        ComeBackUp(s, 100);
        Slowstart.ServerRecalcEweight(s, 105);

        Assert.Equal(18, s.ChashNodesNow);
        Slowstart.ServerRecalcEweight(s, 110);
        Assert.Equal(32, s.ChashNodesNow);
    }

    [Fact]
    public void ServerRecalcEweight_NoSlowstart_FullWeightImmediately()
    {
        var (_, _, s) = DownWithSlowstart(LbAlgorithm.RoundRobin, 2, 0);
        ComeBackUp(s, 100);

        Assert.Equal(32, s.EWeight);
        Assert.Equal(ServerState.None, s.State & ServerState.WarmingUp);
    }

    [Fact]
    public void ServerRecalcEweight_WarmupSequence_RoundRobinShareGrows()
    {
        var (px, lb, s) = DownWithSlowstart(LbAlgorithm.RoundRobin, 1, 16);
        var early = 0;
        var late = 0;
        ComeBackUp(s, 0);
        early += Array.FindAll(Sequence(lb, 34).Split(' '), n => n == "s").Length;
        Slowstart.ServerRecalcEweight(s, 15);
        late += Array.FindAll(Sequence(lb, 34).Split(' '), n => n == "s").Length;

        Assert.True(early < late, $"early {early} late {late}");
        Assert.NotNull(px);
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(10, 1000)]
    [InlineData(20000, 1000)]
    [InlineData(20020, 1001)]
    [InlineData(40000, 2000)]
    public void WarmupIntervalMs_MixedUnits_AtLeastOneSecond(int slowstart, long interval)
    {
        var s = new Server(new Proxy("be"), "s", 1) { SlowStartSeconds = slowstart };

        Assert.Equal(interval, Slowstart.WarmupIntervalMs(s));
    }

    [Fact]
    public void ServerWarmup_WarmingServer_StepsThenFinishes()
    {
        var (_, _, s) = DownWithSlowstart(LbAlgorithm.RoundRobin, 1, 2);
        ComeBackUp(s, 100);

        // w = (16 * 1 + 2) / 2 = 9.
        Assert.Equal(WarmupOutcome.Stepped, Slowstart.ServerWarmup(s, 101));
        Assert.Equal(9, s.EWeight);
        Assert.Equal(WarmupOutcome.Finished, Slowstart.ServerWarmup(s, 102));
        Assert.Equal(16, s.EWeight);
        Assert.Equal(WarmupOutcome.NotWarming, Slowstart.ServerWarmup(s, 103));
    }

    [Fact]
    public void ServerWarmup_InMaintenance_NothingDone()
    {
        var (_, _, s) = DownWithSlowstart(LbAlgorithm.RoundRobin, 1, 10);
        ComeBackUp(s, 100);
        var eweight = s.EWeight;
        s.State |= ServerState.Maintain;

        Assert.Equal(WarmupOutcome.NotWarming, Slowstart.ServerWarmup(s, 105));
        Assert.Equal(eweight, s.EWeight);
    }

    [Fact]
    public void ServerWarmup_ServerDown_NothingDone()
    {
        var (_, lb, s) = DownWithSlowstart(LbAlgorithm.RoundRobin, 1, 10);
        ComeBackUp(s, 100);
        SetDown(lb, s);

        Assert.Equal(WarmupOutcome.NotWarming, Slowstart.ServerWarmup(s, 105));
    }

    [Theory]
    [InlineData(100, false)]
    [InlineData(103, false)]
    [InlineData(104, true)]
    [InlineData(120, true)]
    public void GetNextServer_WarmingUpServer_DynamicMaxconnThrottles(long now, bool secondSlotFree)
    {
        // slowstart-queue golden, be_warm: maxconn 10, slowstart 20 s. While warming, the dynamic maxconn is
        // max(1, 10 * (100 * elapsed / 20) / 100): 1 until 4 s have passed, so a second request waits (FULL).
        var (px, lb) = Create(Algo(LbAlgorithm.RoundRobin), "w1:1");
        var w1 = Srv(px, "w1");
        w1.MaxConn = 10;
        w1.MinConn = 10;
        w1.SlowStartSeconds = 20;
        SetDown(lb, w1);
        ComeBackUp(w1, 100);
        Assert.Equal(WarmupOutcome.Stepped, Slowstart.ServerWarmup(w1, 101));

        Assert.Same(w1, lb.GetNextServer(null, now));
        Take(lb, w1);

        Assert.Equal(secondSlotFree, lb.GetNextServer(null, now) is not null);
    }
}
