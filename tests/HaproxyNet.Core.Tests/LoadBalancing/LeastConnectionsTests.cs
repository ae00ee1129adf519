using HaproxyNet.Core.LoadBalancing;
using static HaproxyNet.Core.Tests.LoadBalancing.LbTestBackend;

namespace HaproxyNet.Core.Tests.LoadBalancing;

public class LeastConnectionsTests
{
    private static readonly LbSettings Lc = Algo(LbAlgorithm.LeastConn);

    [Fact]
    public void GetNextServer_IdleEqualServers_Rotates()
    {
        var (_, lb) = Create(Lc, "s1:1", "s2:1", "s3:1");

        Assert.Equal("s1 s2 s3 s1 s2 s3", Sequence(lb, 6));
    }

    [Fact]
    public void GetNextServer_LeastLoadedByWeight_Chosen()
    {
        var (px, lb) = Create(Lc, "s1:1", "s2:2");
        var s1 = Srv(px, "s1");
        var s2 = Srv(px, "s2");
        Take(lb, s1);
        Take(lb, s2);

        // s1 key 1*4096/16 = 256, s2 key 1*4096/32 = 128.
        Assert.Equal(256u, s1.LbNode.Key);
        Assert.Equal(128u, s2.LbNode.Key);
        Assert.Same(s2, lb.GetNextServer(null, 0));
    }

    [Fact]
    public void GetNextServer_GoldenOverlappingThenSequential_MatchesRecordedSequence()
    {
        // testdata/golden/lb-algorithms, backend be_leastconn: four overlapping slow requests (900 ms, started
        // 150 ms apart, so they end in start order), then four sequential fast ones.
        var (px, lb) = Create(Lc, "a:1", "b:1", "c:1");
        var slow = new List<HaproxyNet.Core.Proxies.Server>();
        for (var i = 0; i < 4; i++)
        {
            var s = lb.GetNextServer(null, 0)!;
            Take(lb, s);
            slow.Add(s);
        }

        Assert.Equal("a b c a", string.Join(' ', slow.ConvertAll(s => s.Name)));
        foreach (var s in slow)
        {
            Release(lb, s);
        }

        Assert.Equal("b c a b", Sequence(lb, 4));
        Assert.Equal(0, Srv(px, "a").Served);
    }

    [Fact]
    public void GetNextServer_AvoidFirst_TakesNext()
    {
        var (px, lb) = Create(Lc, "s1:1", "s2:1");

        Assert.Same(Srv(px, "s2"), lb.GetNextServer(Srv(px, "s1"), 0));
    }

    [Fact]
    public void GetNextServer_AvoidOnly_ReturnsAvoided()
    {
        var (px, lb) = Create(Lc, "s1:1");

        Assert.Same(Srv(px, "s1"), lb.GetNextServer(Srv(px, "s1"), 0));
    }

    [Fact]
    public void ServerDropConn_ServerDown_NotReinserted()
    {
        var (px, lb) = Create(Lc, "s1:1", "s2:1");
        var s1 = Srv(px, "s1");
        Take(lb, s1);
        SetDown(lb, s1);
        Release(lb, s1);

        Assert.Null(s1.LbNode.Tree);
        Assert.Equal("s2 s2", Sequence(lb, 2));
    }

    [Fact]
    public void SetServerStatusUp_Restored_InsertedAfterEqualKeys()
    {
        var (px, lb) = Create(Lc, "s1:1", "s2:1", "s3:1");
        var s1 = Srv(px, "s1");
        SetDown(lb, s1);
        SetUp(lb, s1);

        Assert.Equal("s2 s3 s1", Sequence(lb, 3));
    }

    [Fact]
    public void FirstBackup_NoActive_AlwaysFirstBackup()
    {
        var (px, lb) = Create(Lc, "a:1", "b1:1b", "b2:1b");
        SetDown(lb, Srv(px, "a"));

        Assert.Equal("b1 b1 b1", Sequence(lb, 3));
    }

    [Fact]
    public void FirstBackup_FirstBackupDown_MovesToNextUsableBackup()
    {
        var (px, lb) = Create(Lc, "a:1", "b1:1b", "b2:1b", "b3:1b");
        SetDown(lb, Srv(px, "a"));
        SetDown(lb, Srv(px, "b1"));

        Assert.Same(Srv(px, "b2"), lb.FirstBackup);
        Assert.Equal(16, lb.TotWeight);
        Assert.Equal(1, lb.TotUsed);
    }

    [Fact]
    public void FirstBackup_EarlierBackupRestored_ReplacesFirstBackup()
    {
        var (px, lb) = Create(Lc, "a:1", "b1:1b", "b2:2b");
        SetDown(lb, Srv(px, "a"));
        SetDown(lb, Srv(px, "b1"));
        Assert.Same(Srv(px, "b2"), lb.FirstBackup);
        Assert.Equal(32, lb.TotWeight);

        SetUp(lb, Srv(px, "b1"));

        Assert.Same(Srv(px, "b1"), lb.FirstBackup);
        Assert.Equal(16, lb.TotWeight);
    }

    [Fact]
    public void FirstBackup_LaterBackupRestored_KeepsFirstBackup()
    {
        var (px, lb) = Create(Lc, "a:1", "b1:1b", "b2:1b");
        SetDown(lb, Srv(px, "b2"));
        SetUp(lb, Srv(px, "b2"));

        Assert.Same(Srv(px, "b1"), lb.FirstBackup);
    }

    [Fact]
    public void FirstBackup_WeightZeroBackup_NeverFirstBackup()
    {
        var (px, lb) = Create(Lc, "a:1", "b0:0b", "b1:1b");
        SetDown(lb, Srv(px, "a"));

        Assert.Same(Srv(px, "b1"), lb.FirstBackup);
    }

    [Fact]
    public void GetNextServer_AllBackupsNoActive_LeastLoadedBackup()
    {
        var (px, lb) = Create(Lc with { AllBackups = true }, "a:1", "b1:1b", "b2:1b");
        SetDown(lb, Srv(px, "a"));

        Assert.Null(lb.FirstBackup);
        Assert.Equal("b1 b2 b1 b2", Sequence(lb, 4));
    }

    [Fact]
    public void UpdateServerWeight_Heavier_Rekeyed()
    {
        var (px, lb) = Create(Lc, "s1:1", "s2:1");
        var s1 = Srv(px, "s1");
        Take(lb, s1);
        s1.EWeight = 64;
        lb.UpdateServerWeight(s1);

        Assert.Equal(64u, s1.LbNode.Key);
        Assert.Equal(80, lb.TotWeight);
    }
}
