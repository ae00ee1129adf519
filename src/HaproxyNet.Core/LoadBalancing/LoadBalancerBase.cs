using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Queueing;

namespace HaproxyNet.Core.LoadBalancing;

/// <summary>Group accounting shared by every algorithm: the counters of <c>struct lbprm</c> and their upkeep.</summary>
/// <remarks>HAProxy 1.4 <c>recount_servers</c> and <c>update_backend_weight</c> (backend.c), plus the
/// first-backup bookkeeping repeated in each lb_*.c status callback.</remarks>
internal abstract class LoadBalancerBase : ILoadBalancer
{
    protected LoadBalancerBase(Proxy backend, LbSettings settings, int wdiv, int wmult)
    {
        Backend = backend;
        Settings = settings;
        WDiv = wdiv;
        WMult = wmult;
        Servers = backend.Servers;
        HashNames = new LbHashNames(settings);
    }

    /// <summary>The settings' names as bytes, converted once.</summary>
    internal LbHashNames HashNames { get; }

    public Proxy Backend { get; }

    public LbSettings Settings { get; }

    public int WDiv { get; }

    public int WMult { get; }

    public int TotWeight { get; protected set; }

    public int TotUsed { get; protected set; }

    public int SrvAct { get; protected set; }

    public int SrvBck { get; protected set; }

    public int TotWAct { get; protected set; }

    public int TotWBck { get; protected set; }

    public Server? FirstBackup { get; protected set; }

    public virtual bool SupportsHash => false;

    /// <summary>The backend's servers in declaration order.</summary>
    protected List<Server> Servers { get; }

    public abstract void SetServerStatusUp(Server server);

    public abstract void SetServerStatusDown(Server server);

    public abstract void UpdateServerWeight(Server server);

    public virtual void ServerTakeConn(Server server)
    {
    }

    public virtual void ServerDropConn(Server server)
    {
    }

    public abstract Server? GetNextServer(Server? avoid, long nowSeconds);

    public virtual Server? GetServerByHash(uint hash)
        => throw new NotSupportedException("balance algorithm '" + Settings.Algorithm + "' has no hash lookup");

    /// <summary>
    /// True when the server must be skipped by a round-robin/leastconn pick:
    /// <c>maxconn != 0 and (nbpend &gt; 0 or served &gt;= srv_dynamic_maxconn)</c>.
    /// </summary>
    internal static bool IsSaturated(Server s, long nowSeconds)
        => s.MaxConn != 0 && (s.NbPend > 0 || s.Served >= DynamicMaxconn.SrvDynamicMaxconn(s, nowSeconds));

    /// <summary>Sets eweight from uweight with this balancer's wdiv/wmult and commits every server's state.</summary>
    protected void InitServerWeights()
    {
        foreach (var srv in Servers)
        {
            srv.EWeight = ((srv.UWeight * WDiv) + WMult - 1) / WMult;
            Commit(srv);
        }
    }

    /// <summary>Recounts usable servers, weights and the first backup (<c>recount_servers</c>).</summary>
    protected void RecountServers()
    {
        SrvAct = SrvBck = 0;
        TotWAct = TotWBck = 0;
        FirstBackup = null;
        foreach (var srv in Servers)
        {
            if (!srv.IsUsable)
            {
                continue;
            }

            if (srv.IsBackup)
            {
                if (SrvBck == 0 && !Settings.AllBackups)
                {
                    FirstBackup = srv;
                }

                SrvBck++;
                TotWBck += srv.EWeight;
            }
            else
            {
                SrvAct++;
                TotWAct += srv.EWeight;
            }
        }
    }

    /// <summary>Derives tot_weight/tot_used from the group counters (<c>update_backend_weight</c>).</summary>
    protected void UpdateBackendWeight()
    {
        if (SrvAct > 0)
        {
            TotWeight = TotWAct;
            TotUsed = SrvAct;
        }
        else if (FirstBackup is not null)
        {
            TotWeight = FirstBackup.EWeight;
            TotUsed = 1;
        }
        else
        {
            TotWeight = TotWBck;
            TotUsed = SrvBck;
        }
    }

    /// <summary>Counts a server that became usable, weight <paramref name="eweight"/>, and updates fbck.</summary>
    protected void CountUp(Server srv, int eweight)
    {
        if (srv.IsBackup)
        {
            TotWBck += eweight;
            SrvBck++;
            if (!Settings.AllBackups)
            {
                // A restored backup declared before the current first backup replaces it.
                if (FirstBackup is null || IsListedBefore(srv, FirstBackup))
                {
                    FirstBackup = srv;
                }
            }
        }
        else
        {
            TotWAct += eweight;
            SrvAct++;
        }
    }

    /// <summary>Uncounts a server that stopped being usable (weight was <paramref name="eweight"/>), moving fbck on.</summary>
    protected void CountDown(Server srv, int eweight)
    {
        if (srv.IsBackup)
        {
            TotWBck -= eweight;
            SrvBck--;
            if (srv == FirstBackup)
            {
                FirstBackup = NextUsableBackupAfter(srv);
            }
        }
        else
        {
            TotWAct -= eweight;
            SrvAct--;
        }
    }

    /// <summary>Records the server's state as seen by the balancer (<c>srv_lb_commit_status</c>).</summary>
    protected static void Commit(Server srv)
    {
        srv.PrevState = srv.State;
        srv.PrevEWeight = srv.EWeight;
    }

    /// <summary>True when nothing changed since the last commit (every lbprm callback starts with this).</summary>
    protected static bool Unchanged(Server srv) => srv.State == srv.PrevState && srv.EWeight == srv.PrevEWeight;

    /// <summary>
    /// The common head of the tree balancers' weight update (1.4's <c>fwrr_</c>/<c>fwlc_</c>/<c>chash_update_server_weight</c>):
    /// nothing changed, stayed unusable, became usable (an up) or became unusable (a down) are all handled here.
    /// </summary>
    /// <returns>True when the server was and stays usable: the caller then moves it in its own tree.</returns>
    protected bool HandleUsabilityChange(Server srv)
    {
        if (Unchanged(srv))
        {
            return false;
        }

        var oldUsable = srv.WasUsable;
        var newUsable = srv.IsUsable;
        if (!oldUsable && !newUsable)
        {
            Commit(srv);
            return false;
        }

        if (!oldUsable)
        {
            SetServerStatusUp(srv);
            return false;
        }

        if (!newUsable)
        {
            SetServerStatusDown(srv);
            return false;
        }

        return true;
    }

    private bool IsListedBefore(Server a, Server b)
    {
        // 1.4 walks a's "next" chain looking for b.
        var i = Servers.IndexOf(a);
        for (var j = i + 1; j < Servers.Count; j++)
        {
            if (Servers[j] == b)
            {
                return true;
            }
        }

        return false;
    }

    private Server? NextUsableBackupAfter(Server srv)
    {
        var i = Servers.IndexOf(srv);
        for (var j = i + 1; j < Servers.Count; j++)
        {
            var s = Servers[j];
            if (s.IsBackup && s.IsUsable)
            {
                return s;
            }
        }

        return null;
    }
}
