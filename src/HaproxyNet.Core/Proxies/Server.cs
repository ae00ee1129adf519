namespace HaproxyNet.Core.Proxies;

/// <summary>Runtime state of one <c>server</c> line (1.4's <c>struct server</c>).</summary>
/// <remarks>
/// Shared between engine and load-balancing code through partial files: the engine owns this file,
/// the load balancers keep their per-server fields in <c>Server.Lb.cs</c>.
/// </remarks>
public sealed partial class Server
{
    public Server(Proxy proxy, string name, int puid)
    {
        Proxy = proxy;
        Name = name;
        Puid = puid;
    }

    /// <summary>The backend this server belongs to.</summary>
    public Proxy Proxy { get; }

    public string Name { get; }

    /// <summary>Persistent id (<c>id</c> option or auto-assigned); feeds the consistent-hash ring.</summary>
    public int Puid { get; }

    public ServerState State { get; set; }

    /// <summary>Configured weight (0..256).</summary>
    public int UWeight { get; set; } = 1;

    /// <summary>Effective weight (uweight * wdiv / wmult, reduced during slowstart).</summary>
    public int EWeight { get; set; }

    /// <summary>Sessions currently using this server (srv->served, i.e. cur_sess).</summary>
    public int Served { get; set; }

    /// <summary>Sessions waiting in this server's own queue (srv->nbpend).</summary>
    public int NbPend { get; set; }

    /// <summary>maxconn (0 = unlimited).</summary>
    public int MaxConn { get; set; }

    /// <summary>minconn (after check_config_validity normalisation).</summary>
    public int MinConn { get; set; }

    /// <summary>maxqueue (0 = unlimited).</summary>
    public int MaxQueue { get; set; }

    /// <summary>slowstart in whole seconds (0 = none).</summary>
    public int SlowStartSeconds { get; set; }

    /// <summary>Seconds timestamp of the last state change (now.tv_sec in 1.4).</summary>
    public long LastChangeSeconds { get; set; }

    public bool IsBackup => (State & ServerState.Backup) != 0;

    public bool IsRunning => (State & ServerState.Running) != 0;
}
