using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.LoadBalancing;

/// <summary><c>balance leastconn</c>: servers ordered by <c>served * 4096 / eweight</c> (LB.md §4).</summary>
/// <remarks>
/// HAProxy 1.4 lb_fwlc.c. Every re-key (slot taken or released, connection started) removes and re-inserts the
/// server, which puts it after the servers having the same key: that FIFO rule makes idle equal servers rotate.
/// </remarks>
internal sealed class LeastConnections : LoadBalancerBase
{
    private const int EWeightMax = 4096;

    private readonly LbTree<Server> _act = new();
    private readonly LbTree<Server> _bck = new();

    public LeastConnections(Proxy backend, LbSettings settings)
        : base(backend, settings, LbMath.WeightScale, 1)
    {
        InitServerWeights();
        RecountServers();
        UpdateBackendWeight();
        foreach (var srv in Servers)
        {
            if (srv.IsUsable)
            {
                srv.LbTree = TreeOf(srv);
                QueueSrv(srv);
            }
        }
    }

    public override void SetServerStatusUp(Server srv)
    {
        if (Unchanged(srv))
        {
            return;
        }

        if (srv.IsUsable && !srv.WasUsable)
        {
            srv.LbTree = TreeOf(srv);
            CountUp(srv, srv.EWeight);
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
            CountDown(srv, srv.PrevEWeight);
            srv.LbNode.Tree?.Remove(srv.LbNode);
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

        srv.LbNode.Tree?.Remove(srv.LbNode);
        if (srv.IsBackup)
        {
            TotWBck += srv.EWeight - srv.PrevEWeight;
        }
        else
        {
            TotWAct += srv.EWeight - srv.PrevEWeight;
        }

        srv.LbTree = TreeOf(srv);
        QueueSrv(srv);
        UpdateBackendWeight();
        Commit(srv);
    }

    /// <summary>Re-keys the server after served changed or a connection started (<c>fwlc_srv_reposition</c>).</summary>
    public override void ServerTakeConn(Server server) => Reposition(server);

    /// <inheritdoc cref="ServerTakeConn"/>
    public override void ServerDropConn(Server server) => Reposition(server);

    public override Server? GetNextServer(Server? avoid, long nowSeconds)
    {
        LbTreeNode<Server>? node;
        if (SrvAct > 0)
        {
            node = _act.First();
        }
        else if (FirstBackup is not null)
        {
            return FirstBackup;
        }
        else if (SrvBck > 0)
        {
            node = _bck.First();
        }
        else
        {
            return null;
        }

        Server? avoided = null;
        while (node is not null)
        {
            var s = node.Item;
            if (!IsSaturated(s, nowSeconds))
            {
                if (s != avoid)
                {
                    return s;
                }

                avoided = s;
            }

            node = LbTree<Server>.Next(node);
        }

        return avoided;
    }

    private LbTree<Server> TreeOf(Server srv) => srv.IsBackup ? _bck : _act;

    private static void Reposition(Server s)
    {
        if (s.LbTree is null)
        {
            return;
        }

        s.LbNode.Tree?.Remove(s.LbNode);
        QueueSrv(s);
    }

    /// <summary>Inserts at <c>served * 4096 / eweight</c> in the server's group tree (<c>fwlc_queue_srv</c>).</summary>
    private static void QueueSrv(Server s)
        => s.LbTree!.Insert(s.LbNode, unchecked((uint)(s.Served * EWeightMax / s.EWeight)));
}
