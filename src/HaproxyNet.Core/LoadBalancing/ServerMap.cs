using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.LoadBalancing;

/// <summary>
/// <c>balance static-rr</c> and map-based hashing: a table of <c>tot_weight</c> slots spreading servers by weight,
/// rebuilt lazily after any state change (LB.md §3).
/// </summary>
/// <remarks>HAProxy 1.4 lb_map.c: <c>init_server_map</c>, <c>recalc_server_map</c>, <c>map_get_server_rr</c>,
/// <c>map_get_server_hash</c>, <c>map_set_server_status_up/down</c>.</remarks>
internal sealed class ServerMap : LoadBalancerBase
{
    private Server?[] _map;
    private bool _recalc;
    private int _rrIdx;

    public ServerMap(Proxy backend, LbSettings settings)
        : base(backend, settings, 1, Gcd(backend.Servers))
    {
        InitServerWeights();
        int act = 0, bck = 0;
        foreach (var srv in Servers)
        {
            if (srv.IsBackup)
            {
                bck += srv.EWeight;
            }
            else
            {
                act += srv.EWeight;
            }
        }

        // Sized once for the largest map this server list can need.
        _map = new Server?[Math.Max(1, Math.Max(act, bck))];
        RecountServers();
        UpdateBackendWeight();
        RecalcServerMap();
    }

    public override bool SupportsHash => true;

    /// <summary>Next slot of the round robin (<c>lbprm.map.rr_idx</c>).</summary>
    internal int RrIdx => _rrIdx;

    public override void SetServerStatusUp(Server srv)
    {
        if (Unchanged(srv))
        {
            return;
        }

        if (srv.IsUsable)
        {
            Recount();
        }

        Commit(srv);
    }

    public override void SetServerStatusDown(Server srv)
    {
        if (Unchanged(srv))
        {
            return;
        }

        if (!srv.IsUsable)
        {
            Recount();
        }

        Commit(srv);
    }

    /// <summary>
    /// Map algorithms have no weight callback in 1.4; the caller's fallback applies: up when eweight &gt; 0,
    /// down otherwise.
    /// </summary>
    public override void UpdateServerWeight(Server srv)
    {
        if (srv.EWeight != 0)
        {
            SetServerStatusUp(srv);
        }
        else
        {
            SetServerStatusDown(srv);
        }
    }

    public override Server? GetNextServer(Server? avoid, long nowSeconds)
    {
        if (TotWeight == 0)
        {
            return null;
        }

        if (_recalc)
        {
            RecalcServerMap();
        }

        if (_rrIdx < 0 || _rrIdx >= TotWeight)
        {
            _rrIdx = 0;
        }

        var newIdx = _rrIdx;
        Server? avoided = null;
        var avoidIdx = 0;
        do
        {
            var srv = _map[newIdx++];
            if (srv is not null && !IsSaturated(srv, nowSeconds))
            {
                if (srv != avoid)
                {
                    _rrIdx = newIdx;
                    return srv;
                }

                avoided = srv;
                avoidIdx = newIdx;
            }

            if (newIdx == TotWeight)
            {
                newIdx = 0;
            }
        }
        while (newIdx != _rrIdx);

        if (avoided is not null)
        {
            _rrIdx = avoidIdx;
        }

        return avoided;
    }

    public override Server? GetServerByHash(uint hash)
    {
        if (TotWeight == 0)
        {
            return null;
        }

        if (_recalc)
        {
            RecalcServerMap();
        }

        return _map[hash % (uint)TotWeight];
    }

    /// <summary>The map slot <paramref name="index"/>, rebuilding first if needed (tests and diagnostics).</summary>
    internal Server? MapSlot(int index)
    {
        if (_recalc)
        {
            RecalcServerMap();
        }

        return _map[index];
    }

    private void Recount()
    {
        RecountServers();
        UpdateBackendWeight();
        _recalc = true;
    }

    /// <summary>Fills the first tot_weight slots (<c>recalc_server_map</c>).</summary>
    private void RecalcServerMap()
    {
        _recalc = false;
        if (TotUsed == 0)
        {
            return;
        }

        var tot = TotWeight;
        if (tot > _map.Length)
        {
            // Only reachable if a weight grew at run time; 1.4 sizes the map once at start.
            _map = new Server?[tot];
        }

        // Only active servers when one is usable, else every running backup: with a single first backup
        // tot_weight is its weight, yet all backups compete for those slots (LB.md §3 quirk).
        // 1.4 does not test maintenance here because maintenance clears RUNNING; testing it keeps that outcome
        // even if a caller sets Maintain without clearing Running.
        var flag = SrvAct > 0 ? ServerState.Running : ServerState.Running | ServerState.Backup;
        const ServerState mask = ServerState.Running | ServerState.GoingDown | ServerState.Backup | ServerState.Maintain;

        foreach (var cur in Servers)
        {
            cur.WScore = 0;
        }

        for (var o = 0; o < tot; o++)
        {
            var max = 0;
            Server? best = null;
            foreach (var cur in Servers)
            {
                if (cur.EWeight == 0 || (cur.State & mask) != flag)
                {
                    continue;
                }

                if (tot == 1)
                {
                    best = cur;
                    break;
                }

                cur.WScore += cur.EWeight;
                var v = (cur.WScore + tot) / tot; // C division: truncates toward zero, as C# does
                if (best is null || v > max)
                {
                    max = v;
                    best = cur;
                }
            }

            _map[o] = best;
            if (best is not null)
            {
                best.WScore -= tot;
            }
        }
    }

    /// <summary>gcd of the non-zero configured weights, active and backup together; 1 when all are zero.</summary>
    private static int Gcd(List<Server> servers)
    {
        var i = 0;
        while (i < servers.Count && servers[i].UWeight == 0)
        {
            i++;
        }

        if (i == servers.Count)
        {
            return 1;
        }

        var pgcd = servers[i].UWeight;
        for (i++; pgcd > 1 && i < servers.Count; i++)
        {
            var w = servers[i].UWeight;
            while (w != 0)
            {
                var t = pgcd % w;
                pgcd = w;
                w = t;
            }
        }

        return pgcd;
    }
}
