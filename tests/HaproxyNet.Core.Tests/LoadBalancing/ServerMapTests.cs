using HaproxyNet.Core.LoadBalancing;
using HaproxyNet.Core.Proxies;
using static HaproxyNet.Core.Tests.LoadBalancing.LbTestBackend;

namespace HaproxyNet.Core.Tests.LoadBalancing;

public class ServerMapTests
{
    private static readonly LbSettings StaticRr = Algo(LbAlgorithm.StaticRoundRobin);

    [Fact]
    public void RecalcServerMap_Weights321_MatchesVerifiedMap()
    {
        var (_, lb) = Create(StaticRr, "s1:3", "s2:2", "s3:1");

        Assert.Equal("s1 s1 s2 s1 s2 s3", MapOf(lb));
    }

    [Fact]
    public void GetNextServer_Weights321_CyclesThroughMapFromSlotZero()
    {
        var (_, lb) = Create(StaticRr, "s1:3", "s2:2", "s3:1");

        Assert.Equal("s1 s1 s2 s1 s2 s3 s1 s1 s2 s1 s2 s3", Sequence(lb, 12));
    }

    [Fact]
    public void RecalcServerMap_Weights10_7_3_1_MatchesModelMap()
    {
        var (_, lb) = Create(StaticRr, "s1:10", "s2:7", "s3:3", "s4:1");

        Assert.Equal("s1 s2 s1 s2 s1 s2 s3 s1 s1 s2 s1 s2 s1 s3 s1 s2 s1 s2 s1 s3 s4", MapOf(lb));
    }

    [Fact]
    public void RecalcServerMap_Weights2_4_6_ReducedByGcd()
    {
        var (px, lb) = Create(StaticRr, "s1:2", "s2:4", "s3:6");

        Assert.Equal(2, lb.WMult);
        Assert.Equal(1, lb.WDiv);
        Assert.Equal(new[] { 1, 2, 3 }, px.Servers.ConvertAll(s => s.EWeight).ToArray());
        Assert.Equal("s1 s3 s2 s3 s2 s3", MapOf(lb));
    }

    [Fact]
    public void InitServerMap_ZeroWeightFirst_GcdSkipsIt()
    {
        var (px, lb) = Create(StaticRr, "s0:0", "s1:4", "s2:6");

        Assert.Equal(2, lb.WMult);
        Assert.Equal(0, Srv(px, "s0").EWeight);
        Assert.Equal(5, lb.TotWeight);
    }

    [Fact]
    public void InitServerMap_WeightNotMultipleOfGcd_EWeightRoundsUp()
    {
        // gcd(4, 6, 3) = 1 here, but with 4 and 6 alone gcd = 2: check the ceil rule with uweight 3 and gcd 1.
        var (px, lb) = Create(StaticRr, "s1:4", "s2:6");

        Assert.Equal(2, Srv(px, "s1").EWeight);
        Assert.Equal(3, Srv(px, "s2").EWeight);
        Assert.Equal(5, lb.TotWeight);
    }

    [Fact]
    public void GetNextServer_BackupQuirk_AlternatesOverAllBackups()
    {
        var (px, lb) = Create(StaticRr, "a1:1", "b1:2b", "b2:3b");
        SetDown(lb, Srv(px, "a1"));

        Assert.Same(Srv(px, "b1"), lb.FirstBackup);
        Assert.Equal(2, lb.TotWeight);
        Assert.Equal("b1 b2 b1 b2", Sequence(lb, 4));
    }

    [Fact]
    public void GetNextServer_BackupQuirkWeightOneFirstBackup_OnlyFirstBackup()
    {
        var (px, lb) = Create(StaticRr, "a1:1", "b1:1b", "b2:3b");
        SetDown(lb, Srv(px, "a1"));

        Assert.Equal("b1 b1 b1", Sequence(lb, 3));
    }

    [Fact]
    public void GetNextServer_AllBackups_MapOverAllBackupWeights()
    {
        var (px, lb) = Create(StaticRr with { AllBackups = true }, "a1:1", "b1:2b", "b2:3b");
        SetDown(lb, Srv(px, "a1"));

        Assert.Null(lb.FirstBackup);
        Assert.Equal(5, lb.TotWeight);
        var picks = Sequence(lb, 5).Split(' ');
        Assert.Equal(2, Array.FindAll(picks, n => n == "b1").Length);
        Assert.Equal(3, Array.FindAll(picks, n => n == "b2").Length);
    }

    [Fact]
    public void GetNextServer_GoldenWeights123_MatchesRecordedSequence()
    {
        // testdata/golden/lb-algorithms: backend be_static_rr (a weight 1, b 2, c 3), /srr/1 .. /srr/7.
        var (_, lb) = Create(StaticRr, "a:1", "b:2", "c:3");

        Assert.Equal("a c b c b c a", Sequence(lb, 7));
    }

    [Fact]
    public void GetNextServer_ServerDown_MapRebuiltLazily()
    {
        var (px, lb) = Create(StaticRr, "s1:1", "s2:1", "s3:1");
        Assert.Equal("s1 s2", Sequence(lb, 2));
        SetDown(lb, Srv(px, "s3"));

        // rr_idx (2) is now out of [0, 2): reset to slot 0.
        Assert.Equal("s1 s2 s1", Sequence(lb, 3));
    }

    [Fact]
    public void GetNextServer_AvoidOnlyUsable_ReturnsAvoidedAndMovesIndex()
    {
        var (px, lb) = Create(StaticRr, "s1:1", "s2:1");
        var s2 = Srv(px, "s2");
        Srv(px, "s1").MaxConn = 1;
        Take(lb, Srv(px, "s1"));

        // rr_idx is left just after the avoided slot (2 here, reset to 0 by the next call).
        Assert.Same(s2, lb.GetNextServer(s2, 0));
        Assert.Equal(2, ((ServerMap)lb).RrIdx);
    }

    [Fact]
    public void GetServerByHash_VerifiedExamples_MapModulo()
    {
        var (px, lb) = Create(Algo(LbAlgorithm.Source), "s1:3", "s2:2", "s3:1");

        Assert.Same(Srv(px, "s3"), lb.GetServerByHash(LbHash.HashSource([127, 0, 0, 1])));
        Assert.Same(Srv(px, "s1"), lb.GetServerByHash(LbHash.StringHash("/index.html"u8)));
        Assert.Same(Srv(px, "s3"), lb.GetServerByHash(LbHash.StringHash("/"u8)));
    }

    [Fact]
    public void GetServerByHash_SaturatedServer_StillReturned()
    {
        var (px, lb) = Create(Algo(LbAlgorithm.Uri), "s1:1", "s2:1");
        var s1 = Srv(px, "s1");
        s1.MaxConn = 1;
        Take(lb, s1);

        Assert.Same(s1, lb.GetServerByHash(0));
    }

    [Fact]
    public void GetServerByHash_NoUsableServer_Null()
    {
        var (px, lb) = Create(Algo(LbAlgorithm.Uri), "s1:1");
        SetDown(lb, Srv(px, "s1"));

        Assert.Equal(0, lb.TotWeight);
        Assert.Null(lb.GetServerByHash(5));
        Assert.Null(lb.GetNextServer(null, 0));
    }

    [Fact]
    public void UpdateServerWeight_MapHasNoWeightCallback_ActsAsUpDown()
    {
        var (px, lb) = Create(StaticRr, "s1:1", "s2:1");
        var s1 = Srv(px, "s1");
        s1.EWeight = 0;
        lb.UpdateServerWeight(s1);

        Assert.Equal(1, lb.SrvAct);
        Assert.Equal("s2 s2", Sequence(lb, 2));

        s1.EWeight = 1;
        lb.UpdateServerWeight(s1);
        Assert.Equal(2, lb.SrvAct);
    }

    [Fact]
    public void RecalcServerMap_MaintenanceStillRunning_NotInMap()
    {
        var (px, lb) = Create(StaticRr, "s1:1", "s2:1");
        var s1 = Srv(px, "s1");
        s1.State |= ServerState.Maintain;
        lb.SetServerStatusDown(s1);

        Assert.Equal(1, lb.TotWeight);
        Assert.Equal("s2 s2", Sequence(lb, 2));
    }

    private static string MapOf(ILoadBalancer lb)
    {
        var map = (ServerMap)lb;
        var names = new string[lb.TotWeight];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = map.MapSlot(i)!.Name;
        }

        return string.Join(' ', names);
    }

}
