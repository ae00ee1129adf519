using HaproxyNet.Core.LoadBalancing;
using HaproxyNet.Core.Proxies;
using static HaproxyNet.Core.Tests.LoadBalancing.LbTestBackend;

namespace HaproxyNet.Core.Tests.LoadBalancing;

public class WeightedRoundRobinTests
{
    private static readonly LbSettings Rr = Algo(LbAlgorithm.RoundRobin);

    [Fact]
    public void GetNextServer_Weights321_MatchesVerifiedSequence()
    {
        var (_, lb) = Create(Rr, "s1:3", "s2:2", "s3:1");

        Assert.Equal(
            "s1 s2 s1 s3 s1 s2 s1 s2 s1 s3 s1 s2 s1 s2 s1 s3 s1 s2 s1 s2 s1 s3 s1 s2",
            Sequence(lb, 24));
    }

    [Fact]
    public void GetNextServer_Weights321_TraceOfFirstFourMatchesLbMd()
    {
        var (px, lb) = Create(Rr, "s1:3", "s2:2", "s3:1");
        var wrr = (WeightedRoundRobin)lb;
        var s1 = Srv(px, "s1");
        var s2 = Srv(px, "s2");
        var s3 = Srv(px, "s3");
        Assert.Equal(96, wrr.Active.CurrPos);
        Assert.Equal(4048u, s1.LbNode.Key);
        Assert.Equal(4064u, s2.LbNode.Key);
        Assert.Equal(4080u, s3.LbNode.Key);

        Assert.Same(s1, lb.GetNextServer(null, 0));
        Assert.Equal(98, s1.NPos);
        Assert.Equal(97, wrr.Active.CurrPos);
        Assert.Equal((256u * 98) + 253, s1.LbNode.Key);

        Assert.Same(s2, lb.GetNextServer(null, 0));
        Assert.Equal(100, s2.NPos);
        Assert.Equal(98, wrr.Active.CurrPos);

        Assert.Same(s1, lb.GetNextServer(null, 0));
        Assert.Equal(100, s1.NPos);
        Assert.Equal((256u * 100) + 253, s1.LbNode.Key);
        Assert.Equal((256u * 100) + 254, s2.LbNode.Key);
        Assert.Equal(99, wrr.Active.CurrPos);

        Assert.Same(s3, lb.GetNextServer(null, 0));
        Assert.Equal(105, s3.NPos);
        Assert.Equal(100, wrr.Active.CurrPos);
    }

    [Fact]
    public void GetNextServer_EqualWeights_RotatesInDeclarationOrder()
    {
        var (_, lb) = Create(Rr, "s1:1", "s2:1", "s3:1");

        Assert.Equal("s1 s2 s3 s1 s2 s3", Sequence(lb, 6));
    }

    [Fact]
    public void GetNextServer_Weights51_FiveThenOne()
    {
        var (_, lb) = Create(Rr, "a:5", "b:1");

        Assert.Equal("a a a a a b a a a a a b a a a a a b", Sequence(lb, 18));
    }

    [Fact]
    public void GetNextServer_AllBackupsNoActive_UsesEveryBackupByWeight()
    {
        var settings = Rr with { AllBackups = true };
        var (px, lb) = Create(settings, "a1:1", "b1:2b", "b2:3b");
        SetDown(lb, Srv(px, "a1"));

        Assert.Equal("b2 b2 b1 b2 b1 b2", Sequence(lb, 6));
    }

    [Fact]
    public void GetNextServer_NoActiveWithoutAllBackups_UsesFirstBackupOnly()
    {
        var (px, lb) = Create(Rr, "a1:1", "b1:2b", "b2:3b");
        SetDown(lb, Srv(px, "a1"));

        Assert.Equal("b1 b1 b1 b1", Sequence(lb, 4));
        Assert.Equal(32, lb.TotWeight);
        Assert.Equal(1, lb.TotUsed);
    }

    [Fact]
    public void GetNextServer_ActiveUp_BackupsNeverUsed()
    {
        var (_, lb) = Create(Rr, "a1:1", "b1:2b", "b2:3b");

        Assert.Equal("a1 a1 a1", Sequence(lb, 3));
    }

    [Fact]
    public void GetNextServer_GoldenWeights531_MatchesRecordedSequence()
    {
        // testdata/golden/lb-algorithms: backend be_rr_weights, requests /rr/1 .. /rr/10.
        var (_, lb) = Create(Rr, "a:5", "b:3", "c:1");

        Assert.Equal("a a b a c b a a b a", Sequence(lb, 10));
    }

    [Theory]
    [InlineData(new[] { 3, 2, 1 })]
    [InlineData(new[] { 1, 2, 3 })]
    [InlineData(new[] { 5, 1 })]
    [InlineData(new[] { 10, 7, 3, 1 })]
    [InlineData(new[] { 2, 2, 1 })]
    [InlineData(new[] { 256, 1 })]
    [InlineData(new[] { 7, 5, 3 })]
    public void GetNextServer_ModelCheckedWeights_EachWindowHonoursWeights(int[] weights)
    {
        var specs = new string[weights.Length];
        var total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            specs[i] = "s" + (i + 1) + ":" + weights[i];
            total += weights[i];
        }

        var (_, lb) = Create(Rr, specs);

        // Over any whole number of windows (150 requests rounded up), every server gets exactly its share.
        var windows = (150 + total - 1) / total;
        var picks = Sequence(lb, windows * total).Split(' ');
        for (var i = 0; i < weights.Length; i++)
        {
            Assert.Equal(windows * weights[i], Array.FindAll(picks, n => n == "s" + (i + 1)).Length);
        }
    }

    [Fact]
    public void GetNextServer_WeightZeroServer_NeverPicked()
    {
        var (px, lb) = Create(Rr, "s1:1", "s0:0", "s2:1");

        Assert.Equal("s1 s2 s1 s2", Sequence(lb, 4));
        Assert.False(Srv(px, "s0").IsUsable);
        Assert.Equal(2, lb.SrvAct);
        Assert.Equal(32, lb.TotWeight);
    }

    [Fact]
    public void GetNextServer_AllZeroWeights_NoServerAndZeroTotWeight()
    {
        var (_, lb) = Create(Rr, "s1:0", "s2:0");

        Assert.Equal(0, lb.TotWeight);
        Assert.Null(lb.GetNextServer(null, 0));
    }

    [Fact]
    public void GetNextServer_AvoidWithAlternatives_SkipsAvoided()
    {
        var (px, lb) = Create(Rr, "s1:1", "s2:1", "s3:1");
        var s1 = Srv(px, "s1");

        Assert.Same(Srv(px, "s2"), lb.GetNextServer(s1, 0));
    }

    [Fact]
    public void GetNextServer_AvoidOnlyServer_ReturnsIt()
    {
        var (px, lb) = Create(Rr, "s1:1");
        var s1 = Srv(px, "s1");

        Assert.Same(s1, lb.GetNextServer(s1, 0));
        Assert.Same(s1, lb.GetNextServer(s1, 0));
    }

    [Fact]
    public void GetNextServer_AllSaturated_ReturnsNullThenRecovers()
    {
        var (px, lb) = Create(Rr, "s1:1", "s2:1");
        foreach (var s in px.Servers)
        {
            s.MaxConn = 1;
            Take(lb, s);
        }

        Assert.Null(lb.GetNextServer(null, 0));

        Release(lb, Srv(px, "s2"));
        Assert.Same(Srv(px, "s2"), lb.GetNextServer(null, 0));
    }

    [Fact]
    public void SetServerStatusDown_ActiveServer_RemovedAndCountsUpdated()
    {
        var (px, lb) = Create(Rr, "s1:1", "s2:1", "s3:1");
        SetDown(lb, Srv(px, "s2"));

        Assert.Equal(2, lb.SrvAct);
        Assert.Equal(32, lb.TotWeight);
        Assert.Equal("s1 s3 s1 s3", Sequence(lb, 4));
    }

    [Fact]
    public void SetServerStatusUp_AfterDown_ServerReturnsToRotation()
    {
        var (px, lb) = Create(Rr, "s1:1", "s2:1", "s3:1");
        var s2 = Srv(px, "s2");
        SetDown(lb, s2);
        Sequence(lb, 2);
        SetUp(lb, s2);

        Assert.Equal(3, lb.SrvAct);
        Assert.Equal(48, lb.TotWeight);
        var picks = Sequence(lb, 30).Split(' ');
        Assert.Equal(10, Array.FindAll(picks, n => n == "s2").Length);
    }

    [Fact]
    public void SetServerStatusDown_Unchanged_NoOp()
    {
        var (px, lb) = Create(Rr, "s1:1", "s2:1");
        lb.SetServerStatusDown(Srv(px, "s1"));

        Assert.Equal(2, lb.SrvAct);
    }

    [Fact]
    public void SetServerStatusUp_FromDown_PositionFollowsLbMdFormula()
    {
        // Three weight-1 servers (eweight 16, window 48); s3 goes down before any pick, then comes back.
        var (px, lb) = Create(Rr, "s1:1", "s2:1", "s3:1");
        var wrr = (WeightedRoundRobin)lb;
        var s3 = Srv(px, "s3");
        SetDown(lb, s3);
        Assert.Equal(32, wrr.Active.NextWeight);

        SetUp(lb, s3);

        // npos = curr_pos + (next_weight + curr_weight - curr_pos) / eweight = 48 + (48 + 48 - 48) / 16.
        Assert.Equal(48, wrr.Active.NextWeight);
        Assert.Equal(51, s3.NPos);
        Assert.Same(wrr.Active.Curr, s3.LbTree);
        Assert.Equal((256u * 51) + ((4096u - 16) / 16), s3.LbNode.Key);
    }

    [Fact]
    public void UpdateServerWeight_InInitTree_RequeuedByNewWeight()
    {
        var (px, lb) = Create(Rr, "s1:1", "s2:1");
        var wrr = (WeightedRoundRobin)lb;
        var s2 = Srv(px, "s2");
        s2.EWeight = 48;
        lb.UpdateServerWeight(s2);

        Assert.Same(wrr.Active.Init, s2.LbTree);
        Assert.Equal(4096u - 48, s2.LbNode.Key);
        Assert.Equal(64, lb.TotWeight);
        Assert.Equal(64, wrr.Active.NextWeight);

        // Heavier first in the init tree: s2 now starts.
        Assert.Same(s2, lb.GetNextServer(null, 0));
    }

    [Fact]
    public void UpdateServerWeight_InCurrTree_RespacedFromLastPosition()
    {
        var (px, lb) = Create(Rr, "s1:1", "s2:1");
        var wrr = (WeightedRoundRobin)lb;
        var s1 = Srv(px, "s1");
        Assert.Same(s1, lb.GetNextServer(null, 0)); // s1: lpos 32, npos 34, curr_pos 33

        s1.EWeight = 32;
        lb.UpdateServerWeight(s1);

        // next_weight 48, step = 48 / 32 = 1: npos = min(lpos + step, 34) = 33; 33 < curr_pos + 2 → curr_pos + step.
        Assert.Equal(48, wrr.Active.NextWeight);
        Assert.Equal(34, s1.NPos);
        Assert.Equal(0, s1.RWeight);
    }

    [Fact]
    public void UpdateServerWeight_ToZero_LeavesTreesLikeDown()
    {
        var (px, lb) = Create(Rr, "s1:1", "s2:1");
        var s1 = Srv(px, "s1");
        s1.EWeight = 0;
        lb.UpdateServerWeight(s1);

        Assert.Null(s1.LbTree);
        Assert.Equal(1, lb.SrvAct);
        Assert.Equal("s2 s2 s2", Sequence(lb, 3));
    }
}
