using HaproxyNet.Core.LoadBalancing;
using HaproxyNet.Core.Proxies;
using static HaproxyNet.Core.Tests.LoadBalancing.LbTestBackend;

namespace HaproxyNet.Core.Tests.LoadBalancing;

/// <summary>LB.md §4b: three servers with maxconn 1, one slow request holding s1, quick ones around it.</summary>
public class SaturationTests
{
    [Theory]
    [InlineData(LbAlgorithm.RoundRobin, "s2 s3 s2 s3 s2 s3 s2", "s3 s1 s2 s3 s1 s2")]
    [InlineData(LbAlgorithm.StaticRoundRobin, "s2 s3 s2 s3 s2 s3 s2", "s3 s1 s2 s3 s1 s2")]
    [InlineData(LbAlgorithm.LeastConn, "s2 s3 s2 s3 s2 s3 s2", "s3 s2 s1 s3 s2 s1")]
    public void GetNextServer_SlowRequestHoldsS1_SkipsItThenResumes(LbAlgorithm algorithm, string during, string after)
    {
        var (px, lb) = Create(Algo(algorithm), "s1:1", "s2:1", "s3:1");
        foreach (var s in px.Servers)
        {
            s.MaxConn = 1;
        }

        var slow = lb.GetNextServer(null, 0)!;
        Take(lb, slow);
        Assert.Equal("s1", slow.Name);

        Assert.Equal(during, Sequence(lb, 7));

        Release(lb, slow);
        Assert.Equal(after, Sequence(lb, 6));
    }

    [Theory]
    [InlineData(LbAlgorithm.RoundRobin)]
    [InlineData(LbAlgorithm.StaticRoundRobin)]
    [InlineData(LbAlgorithm.LeastConn)]
    [InlineData(LbAlgorithm.Uri)]
    public void GetNextServer_ServerWithQueue_Skipped(LbAlgorithm algorithm)
    {
        var (px, lb) = Create(Algo(algorithm), "s1:1", "s2:1");
        var s1 = Srv(px, "s1");
        s1.MaxConn = 10;
        s1.NbPend = 1;

        Assert.Equal("s2 s2 s2", Sequence(lb, 3));
    }

    [Fact]
    public void GetNextServer_QueueButNoMaxconn_NotSaturated()
    {
        var (px, lb) = Create(Algo(LbAlgorithm.RoundRobin), "s1:1", "s2:1");
        Srv(px, "s1").NbPend = 1;

        Assert.Equal("s1 s2", Sequence(lb, 2));
    }

    [Fact]
    public void GetNextServer_DynamicMaxconnBelowFullconn_UsesScaledLimit()
    {
        var (px, lb) = Create(Algo(LbAlgorithm.RoundRobin), "s1:1", "s2:1");
        px.FullConn = 1000;
        foreach (var s in px.Servers)
        {
            s.MaxConn = 100;
            s.MinConn = 1;
        }

        // beconn 0 → dynamic max = max(1, 0) = 1: one served session saturates s1 (served 1 >= 1).
        var s1 = Srv(px, "s1");
        Take(lb, s1);
        Assert.Equal("s2 s2", Sequence(lb, 2));

        // beconn 20 → 20 * 100 / 1000 = 2: s1 (served 1) has room again; s1's turn came back first.
        px.BeConn = 20;
        Assert.Same(s1, lb.GetNextServer(null, 0));
    }

    [Fact]
    public void GetNextServer_ServedEqualsMaxconnMinusOne_NotSaturated()
    {
        var (px, lb) = Create(Algo(LbAlgorithm.LeastConn), "s1:1");
        var s1 = Srv(px, "s1");
        s1.MaxConn = 2;
        Take(lb, s1);

        Assert.Same(s1, lb.GetNextServer(null, 0));
        Take(lb, s1);
        Assert.Null(lb.GetNextServer(null, 0));
    }
}
