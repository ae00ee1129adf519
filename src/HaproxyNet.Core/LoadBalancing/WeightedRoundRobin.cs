using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.LoadBalancing;

/// <summary><c>balance roundrobin</c>: fast weighted round robin over position-keyed trees (LB.md §2).</summary>
/// <remarks>
/// HAProxy 1.4 lb_fwrr.c. This file holds initialisation and the state callbacks
/// (<c>fwrr_init_server_groups</c>, <c>fwrr_set_server_status_up/down</c>, <c>fwrr_update_server_weight</c>);
/// the pick lives in <c>WeightedRoundRobin.Pick.cs</c>.
/// </remarks>
internal sealed partial class WeightedRoundRobin : LoadBalancerBase
{
    /// <summary>Largest effective weight (<c>SRV_EWGHT_MAX</c> = 256 * 16).</summary>
    private const int EWeightMax = 4096;

    /// <summary>Position scale of the curr-tree key (<c>SRV_UWGHT_RANGE</c>).</summary>
    private const int UWeightRange = 256;

    private readonly FwrrGroup _act;
    private readonly FwrrGroup _bck;

    public WeightedRoundRobin(Proxy backend, LbSettings settings)
        : base(backend, settings, LbMath.WeightScale, 1)
    {
        InitServerWeights();
        RecountServers();
        UpdateBackendWeight();
        _act = new FwrrGroup(TotWAct);
        _bck = new FwrrGroup(TotWBck);

        // Heaviest first, equal weights in declaration order.
        foreach (var srv in Servers)
        {
            if (srv.IsUsable)
            {
                QueueByWeight(GroupOf(srv).Init, srv);
            }
        }
    }

    /// <summary>The active group (tests and diagnostics).</summary>
    internal FwrrGroup Active => _act;

    /// <summary>The backup group (tests and diagnostics).</summary>
    internal FwrrGroup BackupGroup => _bck;

    public override void SetServerStatusUp(Server srv)
    {
        if (Unchanged(srv))
        {
            return;
        }

        if (srv.IsUsable && !srv.WasUsable)
        {
            var grp = GroupOf(srv);
            grp.NextWeight += srv.EWeight;
            CountUp(srv, srv.EWeight);
            SyncGroupTotals();

            GetSrv(srv);
            srv.NPos = grp.CurrPos + ((grp.NextWeight + grp.CurrWeight - grp.CurrPos) / srv.EWeight);
            QueueSrv(srv);
        }

        if (srv.IsUsable)
        {
            UpdateBackendWeight();
        }

        Commit(srv);
    }

    public override void SetServerStatusDown(Server srv)
    {
        if (Unchanged(srv))
        {
            return;
        }

        if (!srv.IsUsable && srv.WasUsable)
        {
            var grp = GroupOf(srv);
            grp.NextWeight -= srv.PrevEWeight;
            CountDown(srv, srv.PrevEWeight);
            SyncGroupTotals();

            Dequeue(srv);
            srv.LbTree = null;
        }

        if (!srv.IsUsable)
        {
            UpdateBackendWeight();
        }

        Commit(srv);
    }

    public override void UpdateServerWeight(Server srv)
    {
        if (!HandleUsabilityChange(srv))
        {
            return;
        }

        var grp = GroupOf(srv);
        grp.NextWeight = grp.NextWeight - srv.PrevEWeight + srv.EWeight;
        SyncGroupTotals();

        if (srv.LbTree == grp.Init)
        {
            Dequeue(srv);
            QueueByWeight(grp.Init, srv);
        }
        else if (srv.LbTree is null)
        {
            Dequeue(srv);
            GetSrv(srv);
            srv.NPos = grp.CurrPos + ((grp.NextWeight + grp.CurrWeight - grp.CurrPos) / srv.EWeight);
            QueueSrv(srv);
        }
        else
        {
            // In curr or next: keep the remaining places, re-spaced for the new weight.
            GetSrv(srv);
            var prevNext = srv.NPos;
            var step = grp.NextWeight / srv.EWeight;
            srv.NPos = srv.LPos + step;
            srv.RWeight = 0;
            if (srv.NPos > prevNext)
            {
                srv.NPos = prevNext;
            }

            if (srv.NPos < grp.CurrPos + 2)
            {
                srv.NPos = grp.CurrPos + step;
            }

            Dequeue(srv);
            QueueSrv(srv);
        }

        UpdateBackendWeight();
        Commit(srv);
    }

    private FwrrGroup GroupOf(Server srv) => srv.IsBackup ? _bck : _act;

    /// <summary>1.4 keeps tot_wact/tot_wbck equal to the groups' next_weight.</summary>
    private void SyncGroupTotals()
    {
        TotWAct = _act.NextWeight;
        TotWBck = _bck.NextWeight;
    }

    /// <summary>Queues by inverted weight (<c>fwrr_queue_by_weight</c>).</summary>
    private static void QueueByWeight(LbTree<Server> root, Server s)
    {
        root.Insert(s.LbNode, (uint)(EWeightMax - s.EWeight));
        s.LbTree = root;
    }

    /// <summary>Removes the node from whatever tree holds it, keeping <see cref="Server.LbTree"/> (<c>fwrr_dequeue_srv</c>).</summary>
    private static void Dequeue(Server s) => s.LbNode.Tree?.Remove(s.LbNode);

    /// <summary>Places a server in curr or next according to its position (<c>fwrr_queue_srv</c>).</summary>
    private void QueueSrv(Server s)
    {
        var grp = GroupOf(s);
        if (!s.IsUsable)
        {
            s.LbTree = null;
        }
        else if (s.EWeight <= 0 || s.NPos >= 2 * grp.CurrWeight || s.NPos >= grp.CurrWeight + grp.NextWeight)
        {
            // Beyond this window (or the theoretical next one): wait in next, position made relative again.
            s.NPos -= grp.CurrWeight;
            QueueByWeight(grp.Next, s);
        }
        else
        {
            var key = unchecked((uint)(UWeightRange * s.NPos) + ((uint)(EWeightMax + s.RWeight - s.EWeight) / LbMath.WeightScale));
            grp.Curr.Insert(s.LbNode, key);
            s.LbTree = grp.Curr;
        }
    }

    /// <summary>Prepares a server taken out of its tree (<c>fwrr_get_srv</c>).</summary>
    private void GetSrv(Server s)
    {
        var grp = GroupOf(s);
        if (s.LbTree == grp.Init)
        {
            s.NPos = s.RWeight = 0;
        }
        else if (s.LbTree == grp.Next)
        {
            s.NPos += grp.CurrWeight;
        }
        else if (s.LbTree is null)
        {
            s.NPos = grp.CurrPos;
        }
    }
}
