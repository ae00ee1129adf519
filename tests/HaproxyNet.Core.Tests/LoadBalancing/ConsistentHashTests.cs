using HaproxyNet.Core.LoadBalancing;
using HaproxyNet.Core.Proxies;
using static HaproxyNet.Core.Tests.LoadBalancing.LbTestBackend;

namespace HaproxyNet.Core.Tests.LoadBalancing;

public class ConsistentHashTests
{
    private static readonly LbSettings SourceChash = Algo(LbAlgorithm.Source, HashType.Consistent);

    [Fact]
    public void GetServerByHash_Source127001Weights321_PicksS2()
    {
        var (px, lb) = Create(SourceChash, "s1:3", "s2:2", "s3:1");

        Assert.Same(Srv(px, "s2"), lb.GetServerByHash(0x7F000001u));
    }

    [Fact]
    public void Init_Ring_HasEWeightPointsPerServerAtMixedKeys()
    {
        var (px, _) = Create(SourceChash, "s1:2@7");
        var s1 = Srv(px, "s1");

        Assert.Equal(32, s1.ChashNodes.Length);
        Assert.Equal(32, s1.ChashNodesNow);
        Assert.Equal(LbHash.FullHash(7 * 4096), s1.ChashNodes[0].Key);
        Assert.Equal(LbHash.FullHash((7 * 4096) + 31), s1.ChashNodes[31].Key);
    }

    [Fact]
    public void GetServerByHash_ExplicitIds_RingFollowsPuidNotOrder()
    {
        // Same servers declared in another order but with the same ids: same ring, same answers.
        var (px1, lb1) = Create(SourceChash, "a:1@3", "b:1@4", "c:1@5");
        var (px2, lb2) = Create(SourceChash, "c:1@5", "a:1@3", "b:1@4");
        var (px3, lb3) = Create(SourceChash, "a:1@1", "b:1@2", "c:1@3");
        var differs = false;
        for (uint h = 0; h < 2000; h += 7)
        {
            Assert.Equal(lb1.GetServerByHash(h)!.Name, lb2.GetServerByHash(h)!.Name);
            differs |= lb1.GetServerByHash(h)!.Name != lb3.GetServerByHash(h)!.Name;
        }

        Assert.True(differs);
        Assert.NotNull(px1);
        Assert.NotNull(px2);
        Assert.NotNull(px3);
    }

    [Fact]
    public void GetServerByHash_ServerDown_OnlyItsKeysMove()
    {
        var (px, lb) = Create(SourceChash, "a:1", "b:1", "c:1");
        var before = new string[500];
        for (var i = 0; i < before.Length; i++)
        {
            before[i] = lb.GetServerByHash((uint)i * 7919u)!.Name;
        }

        SetDown(lb, Srv(px, "b"));

        for (var i = 0; i < before.Length; i++)
        {
            var now = lb.GetServerByHash((uint)i * 7919u)!.Name;
            Assert.NotEqual("b", now);
            if (before[i] != "b")
            {
                Assert.Equal(before[i], now);
            }
        }
    }

    [Fact]
    public void GetServerByHash_NoActiveFirstBackup_ReturnsFirstBackup()
    {
        var (px, lb) = Create(SourceChash, "a:1", "b1:1b", "b2:1b");
        SetDown(lb, Srv(px, "a"));

        Assert.Same(Srv(px, "b1"), lb.GetServerByHash(12345));
    }

    [Fact]
    public void GetServerByHash_NothingUsable_Null()
    {
        var (px, lb) = Create(SourceChash, "a:1");
        SetDown(lb, Srv(px, "a"));

        Assert.Null(lb.GetServerByHash(1));
        Assert.Null(lb.GetNextServer(null, 0));
    }

    [Fact]
    public void GetNextServer_RoundRobinOnRing_EveryServerVisited()
    {
        var (px, lb) = Create(SourceChash, "a:1", "b:1", "c:1");
        var picks = Sequence(lb, 48).Split(' ');

        foreach (var s in px.Servers)
        {
            Assert.Equal(16, Array.FindAll(picks, n => n == s.Name).Length);
        }
    }

    [Fact]
    public void GetNextServer_SaturatedAndAvoided_Skipped()
    {
        var (px, lb) = Create(SourceChash, "a:1", "b:1", "c:1");
        var a = Srv(px, "a");
        a.MaxConn = 1;
        Take(lb, a);

        for (var i = 0; i < 20; i++)
        {
            var s = lb.GetNextServer(Srv(px, "b"), 0)!;
            Assert.Equal("c", s.Name);
        }
    }

    [Fact]
    public void GetNextServer_OnlyAvoidedLeft_ReturnsAvoided()
    {
        var (px, lb) = Create(SourceChash, "a:1");

        Assert.Same(Srv(px, "a"), lb.GetNextServer(Srv(px, "a"), 0));
    }

    [Fact]
    public void UpdateServerWeight_Reduced_RemovesLastPoints()
    {
        var (px, lb) = Create(SourceChash, "a:2", "b:1");
        var a = Srv(px, "a");
        a.EWeight = 5;
        lb.UpdateServerWeight(a);

        Assert.Equal(5, a.ChashNodesNow);
        Assert.NotNull(a.ChashNodes[4].Tree);
        Assert.Null(a.ChashNodes[5].Tree);
        Assert.Equal(21, lb.TotWeight);
    }

    [Fact]
    public void GetServerByHash_SaturatedServer_StillReturned()
    {
        var (px, lb) = Create(SourceChash, "a:1");
        var a = Srv(px, "a");
        a.MaxConn = 1;
        Take(lb, a);

        Assert.Same(a, lb.GetServerByHash(99));
    }

    [Fact]
    public void GetNextServer_ActivesBackAfterBackupWalk_FinishesBackupRingFirst()
    {
        // Derived from lb_chash.c: the walk resumes from the last point used, which is still on the backup ring
        // (its "next" stays in that ring); only when it runs off the end does it wrap to the active ring.
        var settings = SourceChash with { AllBackups = true };
        var (px, lb) = Create(settings, "a:1", "b1:1b", "b2:1b");
        SetDown(lb, Srv(px, "a"));
        Assert.True(lb.GetNextServer(null, 0)!.IsBackup);
        SetUp(lb, Srv(px, "a"));

        var first = lb.GetNextServer(null, 0)!;
        var backupsBeforeActive = first.IsBackup ? 1 : 0;
        var next = first;
        while (next.IsBackup)
        {
            next = lb.GetNextServer(null, 0)!;
            backupsBeforeActive += next.IsBackup ? 1 : 0;
        }

        Assert.True(first.IsBackup);
        Assert.Equal(31, backupsBeforeActive); // 32 backup points, the first one used before "a" came back
        Assert.Equal("a a a", Sequence(lb, 3));
    }

    [Fact]
    public void GetNextServer_LastPointOnBackupRingAndActiveFull_ReturnsNullInsteadOfSpinning()
    {
        var settings = SourceChash with { AllBackups = true };
        var (px, lb) = Create(settings, "a:1", "b1:1b", "b2:1b");
        var a = Srv(px, "a");
        SetDown(lb, a);
        Sequence(lb, 32); // the walk now rests on the last point of the backup ring
        SetUp(lb, a);
        a.MaxConn = 1;
        Take(lb, a);

        Assert.Null(lb.GetNextServer(null, 0));
        Assert.Same(a, lb.GetServerByHash(1));

        Release(lb, a);
        Assert.Same(a, lb.GetNextServer(a, 0));
    }
}
