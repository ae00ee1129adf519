using HaproxyNet.Core.LoadBalancing;
using HaproxyNet.Core.Proxies;
using static HaproxyNet.Core.Tests.LoadBalancing.LbTestBackend;

namespace HaproxyNet.Core.Tests.LoadBalancing;

/// <summary>
/// Group accounting under random state changes, checked against its definition (LB.md §1) recomputed from
/// scratch: counts, weight sums, first backup, tot_weight/tot_used, and picks only among the servers in use.
/// </summary>
public class LoadBalancerBaseTests
{
    [Theory]
    [InlineData(LbAlgorithm.RoundRobin, HashType.MapBased, false)]
    [InlineData(LbAlgorithm.RoundRobin, HashType.MapBased, true)]
    [InlineData(LbAlgorithm.StaticRoundRobin, HashType.MapBased, false)]
    [InlineData(LbAlgorithm.LeastConn, HashType.MapBased, false)]
    [InlineData(LbAlgorithm.LeastConn, HashType.MapBased, true)]
    [InlineData(LbAlgorithm.Source, HashType.MapBased, true)]
    [InlineData(LbAlgorithm.Source, HashType.Consistent, false)]
    [InlineData(LbAlgorithm.Uri, HashType.Consistent, true)]
    public void StateChanges_RandomSequence_CountersMatchDefinition(LbAlgorithm algorithm, HashType hashType, bool allBackups)
    {
        var settings = Algo(algorithm, hashType) with { AllBackups = allBackups };
        var (px, lb) = Create(settings, "a1:3", "a2:1", "a3:2", "a0:0", "b1:2b", "b2:1b", "b3:4b");
        var rng = new Random((int)algorithm * 31 + (int)hashType + (allBackups ? 7 : 0));
        var now = 1000L;
        foreach (var s in px.Servers)
        {
            s.SlowStartSeconds = 5;
        }

        for (var step = 0; step < 3000; step++)
        {
            var s = px.Servers[rng.Next(px.Servers.Count)];
            switch (rng.Next(8))
            {
                case 6:
                    // Weight change up to the configured weight, zero included (a ring only has uweight*16 points).
                    s.EWeight = rng.Next(0, (s.UWeight * lb.WDiv / lb.WMult) + 1);
                    lb.UpdateServerWeight(s);
                    break;
                case 7:
                    // disable-on-404 (NOLB) toggles GOINGDOWN.
                    s.State ^= ServerState.GoingDown;
                    if ((s.State & ServerState.GoingDown) != 0)
                    {
                        lb.SetServerStatusDown(s);
                    }
                    else
                    {
                        lb.SetServerStatusUp(s);
                    }

                    break;
                case 0:
                    SetDown(lb, s);
                    break;
                case 1:
                    if (!s.IsRunning)
                    {
                        s.State |= ServerState.Running | ServerState.WarmingUp;
                        s.LastChangeSeconds = now;
                        Slowstart.ServerRecalcEweight(s, now);
                    }

                    break;
                case 2:
                    now++;
                    Slowstart.ServerWarmup(s, now);
                    break;
                default:
                    var byHash = lb.SupportsHash && rng.Next(2) == 0;
                    var picked = byHash
                        ? lb.GetServerByHash((uint)rng.Next())
                        : lb.GetNextServer(rng.Next(4) == 0 ? s : null, now);

                    // The ring round robin resumes from its last point, which may still be on the backup ring
                    // after actives came back (1.4 walks that ring to its end first): see ConsistentHashTests.
                    var ringWalk = !byHash && lb.Settings.Lookup == LbLookup.ConsistentHashTree;
                    AssertPickInUse(lb, px, picked, ringWalk);
                    break;
            }

            AssertCounters(lb, px, allBackups);
        }
    }

    private static void AssertPickInUse(ILoadBalancer lb, Proxy px, Server? picked, bool ringWalk)
    {
        if (lb.TotWeight == 0)
        {
            Assert.Null(picked);
            return;
        }

        Assert.NotNull(picked);
        Assert.True(picked.IsUsable, picked.Name + " picked while unusable");
        if (lb.SrvAct > 0)
        {
            Assert.True(ringWalk || !picked.IsBackup, picked.Name + " backup picked with actives up");
        }
        else if (lb.FirstBackup is not null && lb.Settings.Lookup != LbLookup.Map)
        {
            Assert.Same(lb.FirstBackup, picked);
        }

        Assert.Contains(picked, px.Servers);
    }

    private static void AssertCounters(ILoadBalancer lb, Proxy px, bool allBackups)
    {
        int act = 0, bck = 0, wact = 0, wbck = 0;
        Server? fbck = null;
        foreach (var s in px.Servers)
        {
            if (!s.IsUsable)
            {
                continue;
            }

            if (s.IsBackup)
            {
                fbck ??= allBackups ? null : s;
                bck++;
                wbck += s.EWeight;
            }
            else
            {
                act++;
                wact += s.EWeight;
            }
        }

        Assert.Equal(act, lb.SrvAct);
        Assert.Equal(bck, lb.SrvBck);
        Assert.Equal(wact, lb.TotWAct);
        Assert.Equal(wbck, lb.TotWBck);
        Assert.Same(fbck, lb.FirstBackup);
        var (tw, tu) = act > 0 ? (wact, act) : fbck is not null ? (fbck.EWeight, 1) : (wbck, bck);
        Assert.Equal(tw, lb.TotWeight);
        Assert.Equal(tu, lb.TotUsed);
        foreach (var s in px.Servers)
        {
            Assert.Equal(s.State, s.PrevState);
            Assert.Equal(s.EWeight, s.PrevEWeight);
        }
    }
}
