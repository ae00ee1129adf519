using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.LoadBalancing;

/// <summary>
/// <c>hash-type consistent</c>: each server owns <c>uweight * 16</c> points on a 32-bit ring at
/// <c>mix(puid * 4096 + k)</c>; the first <c>eweight</c> of them are on the ring while it is usable (LB.md §6).
/// </summary>
/// <remarks>HAProxy 1.4 lb_chash.c: <c>chash_init_server_tree</c>, <c>chash_get_server_hash</c>,
/// <c>chash_get_next_server</c>, <c>chash_queue_dequeue_srv</c> and the status callbacks.</remarks>
internal sealed class ConsistentHash : LoadBalancerBase
{
    /// <summary>Ring points reserved per server id (<c>SRV_EWGHT_RANGE</c>).</summary>
    private const int EWeightRange = 4096;

    private readonly LbTree<Server> _act = new();
    private readonly LbTree<Server> _bck = new();

    /// <summary>The ring point the round robin stopped at (<c>lbprm.chash.last</c>).</summary>
    private LbTreeNode<Server>? _last;

    public ConsistentHash(Proxy backend, LbSettings settings)
        : base(backend, settings, LbMath.WeightScale, 1)
    {
        InitServerWeights();
        RecountServers();
        UpdateBackendWeight();
        foreach (var srv in Servers)
        {
            srv.LbTree = TreeOf(srv);
            var total = srv.UWeight * LbMath.WeightScale;
            var nodes = new LbTreeNode<Server>[total];
            for (var k = 0; k < total; k++)
            {
                nodes[k] = new LbTreeNode<Server>(srv) { Key = LbHash.FullHash(unchecked((uint)((srv.Puid * EWeightRange) + k))) };
            }

            srv.ChashNodes = nodes;
            srv.ChashNodesNow = 0;
            if (srv.IsUsable)
            {
                QueueDequeueSrv(srv);
            }
        }
    }

    public override bool SupportsHash => true;

    public override void SetServerStatusUp(Server srv)
    {
        if (Unchanged(srv))
        {
            return;
        }

        if (srv.IsUsable && !srv.WasUsable)
        {
            CountUp(srv, srv.EWeight);
            QueueDequeueSrv(srv);
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
            CountDown(srv, srv.PrevEWeight);
            DequeueSrv(srv);
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

        QueueDequeueSrv(srv);
        if (srv.IsBackup)
        {
            TotWBck += srv.EWeight - srv.PrevEWeight;
        }
        else
        {
            TotWAct += srv.EWeight - srv.PrevEWeight;
        }

        UpdateBackendWeight();
        Commit(srv);
    }

    /// <summary>
    /// The server nearest to <c>mix(hash)</c> on the ring: the owners of the points just before and at/after it,
    /// the closer one winning (the previous one on a tie). Saturation is not checked.
    /// </summary>
    public override Server? GetServerByHash(uint hash)
    {
        LbTree<Server> root;
        if (SrvAct > 0)
        {
            root = _act;
        }
        else if (FirstBackup is not null)
        {
            return FirstBackup;
        }
        else if (SrvBck > 0)
        {
            root = _bck;
        }
        else
        {
            return null;
        }

        var x = LbHash.FullHash(hash);
        var next = root.LowerBound(x) ?? root.First();
        if (next is null)
        {
            return null;
        }

        var prev = LbTree<Server>.Prev(next) ?? root.Last()!;
        var nsrv = next.Item;
        var psrv = prev.Item;
        if (nsrv == psrv)
        {
            return nsrv;
        }

        var dp = unchecked(x - prev.Key);
        var dn = unchecked(next.Key - x);
        return dp <= dn ? psrv : nsrv;
    }

    /// <summary>Round robin along the ring from the last point used, skipping saturated servers and <paramref name="avoid"/>.</summary>
    public override Server? GetNextServer(Server? avoid, long nowSeconds)
    {
        LbTree<Server> root;
        if (SrvAct > 0)
        {
            root = _act;
        }
        else if (FirstBackup is not null)
        {
            return FirstBackup;
        }
        else if (SrvBck > 0)
        {
            root = _bck;
        }
        else
        {
            return null;
        }

        Server? avoided = null;
        LbTreeNode<Server>? avoidedNode = null;
        var node = _last;
        var stop = node;
        do
        {
            if (node is not null)
            {
                node = LbTree<Server>.Next(node);
            }

            node ??= root.First();
            _last = node;
            if (node is null)
            {
                return null;
            }

            // After a down/up cycle there may be no last point; stop at the first one seen.
            stop ??= node;

            // The last point may sit on the other ring (or be off every ring): 1.4 would then never meet it
            // again and spin forever when nothing qualifies. Stop after one lap of the current ring instead.
            if (stop.Tree != root && node.Tree == root)
            {
                stop = root.Last();
            }
            var s = node.Item;
            if (!IsSaturated(s, nowSeconds))
            {
                if (s != avoid)
                {
                    return s;
                }

                avoided = s;
                avoidedNode = node;
            }
        }
        while (node != stop);

        _last = avoidedNode;
        return avoided;
    }

    private LbTree<Server> TreeOf(Server srv) => srv.IsBackup ? _bck : _act;

    /// <summary>Next point after <paramref name="node"/>, wrapping; null if it is the only one (<c>chash_skip_node</c>).</summary>
    private static LbTreeNode<Server>? SkipNode(LbTree<Server> root, LbTreeNode<Server>? node)
    {
        if (node is null)
        {
            return null;
        }

        var stop = node;
        var n = LbTree<Server>.Next(node) ?? root.First();
        return n == stop ? null : n;
    }

    /// <summary>Takes every point of the server off the ring (<c>chash_dequeue_srv</c>).</summary>
    private void DequeueSrv(Server s)
    {
        while (s.ChashNodesNow > 0)
        {
            RemoveLastPoint(s);
        }
    }

    /// <summary>Adds or removes points until exactly eweight are on the ring (<c>chash_queue_dequeue_srv</c>).</summary>
    private void QueueDequeueSrv(Server s)
    {
        while (s.ChashNodesNow > s.EWeight)
        {
            RemoveLastPoint(s);
        }

        var root = s.LbTree!;
        while (s.ChashNodesNow < s.EWeight && s.ChashNodesNow < s.ChashNodes.Length)
        {
            var n = s.ChashNodes[s.ChashNodesNow];
            if (_last == n)
            {
                _last = SkipNode(root, _last);
            }

            root.Insert(n, n.Key);
            s.ChashNodesNow++;
        }
    }

    private void RemoveLastPoint(Server s)
    {
        s.ChashNodesNow = Math.Min(s.ChashNodesNow, s.ChashNodes.Length) - 1;
        var n = s.ChashNodes[s.ChashNodesNow];
        if (_last == n)
        {
            _last = SkipNode(s.LbTree!, _last);
        }

        n.Tree?.Remove(n);
    }
}
