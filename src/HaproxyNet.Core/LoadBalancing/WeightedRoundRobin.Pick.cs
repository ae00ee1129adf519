using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.LoadBalancing;

/// <summary>The FWRR pick.</summary>
/// <remarks>HAProxy 1.4 <c>fwrr_get_next_server</c>, <c>fwrr_get_server_from_group</c>, <c>fwrr_update_position</c>.</remarks>
internal sealed partial class WeightedRoundRobin
{
    public override Server? GetNextServer(Server? avoid, long nowSeconds)
    {
        FwrrGroup grp;
        if (SrvAct > 0)
        {
            grp = _act;
        }
        else if (FirstBackup is not null)
        {
            return FirstBackup;
        }
        else if (SrvBck > 0)
        {
            grp = _bck;
        }
        else
        {
            return null;
        }

        var switched = false;
        Server? avoided = null;
        Server? full = null; // servers taken out because saturated or avoided, most recent first
        Server? srv;
        while (true)
        {
            // An empty window: pick up weights that may have changed meanwhile.
            if (grp.CurrWeight == 0)
            {
                grp.CurrPos = grp.CurrWeight = grp.NextWeight;
            }

            while (true)
            {
                srv = GetServerFromGroup(grp);
                if (srv is not null)
                {
                    break;
                }

                if (switched)
                {
                    if (avoided is not null)
                    {
                        srv = avoided;
                        break;
                    }

                    RequeueFull(grp, full, null, switched);
                    return null;
                }

                switched = true;
                grp.SwitchTrees();
            }

            // Saturated or avoided servers still consume their position, as if they had served a request.
            UpdatePosition(grp, srv);
            Dequeue(srv);
            grp.CurrPos++;
            if (!IsSaturated(srv, nowSeconds))
            {
                if (srv != avoid || avoided is not null)
                {
                    break;
                }

                avoided = srv;
            }

            srv.NextFull = full;
            full = srv;
        }

        QueueSrv(srv);
        RequeueFull(grp, full, srv, switched);
        return srv;
    }

    /// <summary>First server of curr, or of init when curr is empty or has a hole (<c>fwrr_get_server_from_group</c>).</summary>
    private static Server? GetServerFromGroup(FwrrGroup grp)
    {
        var node = grp.Curr.First();
        if (node is null || node.Item.NPos > grp.CurrPos)
        {
            var node2 = grp.Init.First();
            if (node2 is not null)
            {
                var s = node2.Item;
                s.NPos = s.RWeight = 0;
                return s.EWeight == 0 ? null : s;
            }
        }

        return node?.Item;
    }

    /// <summary>Advances a server's position by one turn (<c>fwrr_update_position</c>).</summary>
    private static void UpdatePosition(FwrrGroup grp, Server s)
    {
        if (s.NPos == 0)
        {
            // First time in this window.
            s.LPos = grp.CurrPos;
            s.NPos = grp.CurrPos + (grp.NextWeight / s.EWeight);
        }
        else
        {
            s.LPos = s.NPos;
            s.NPos += grp.NextWeight / s.EWeight;
        }

        s.RWeight += grp.NextWeight % s.EWeight;
        if (s.RWeight >= s.EWeight)
        {
            s.RWeight -= s.EWeight;
            s.NPos++;
        }
    }

    /// <summary>
    /// Puts back the servers skipped during a pick, most recently skipped first: by weight into init when the
    /// trees switched (their place was lost), else at their advanced position. <paramref name="picked"/> is left out.
    /// </summary>
    private void RequeueFull(FwrrGroup grp, Server? full, Server? picked, bool switched)
    {
        while (full is not null)
        {
            var nextFull = full.NextFull;
            full.NextFull = null;
            if (full != picked)
            {
                if (switched)
                {
                    QueueByWeight(grp.Init, full);
                }
                else
                {
                    QueueSrv(full);
                }
            }

            full = nextFull;
        }
    }
}
