using System.Net;
using HaproxyNet.Core.Queueing;

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

    /// <summary>Server address; an address of 0.0.0.0 means "the address the client connected to".</summary>
    public IPEndPoint? Address { get; set; }

    /// <summary>True when the port is absent or relative (mapped ports: add the client's destination port).</summary>
    public bool MappedPorts { get; set; }

    /// <summary>With <see cref="MappedPorts"/>: the offset added to the client's destination port.</summary>
    public int PortOffset { get; set; }

    /// <summary><c>source</c> address to bind before connect, or null.</summary>
    public IPEndPoint? Source { get; set; }

    public ServerState State { get; set; }

    /// <summary>Configured weight (0..256).</summary>
    public int UWeight { get; set; } = 1;

    /// <summary>Effective weight (uweight * wdiv / wmult, reduced during slowstart).</summary>
    public int EWeight { get; set; }

    /// <summary>Sessions holding a slot on this server (srv->served): assigned, connecting or connected; not queued.</summary>
    public int Served { get; set; }

    /// <summary>Established or connecting TCP connections to this server (srv->cur_sess, the logged srv_conn).</summary>
    public int CurSess { get; set; }

    /// <summary>Highest <see cref="CurSess"/> seen.</summary>
    public int CurSessMax { get; set; }

    /// <summary>Sessions waiting in this server's own queue (srv->nbpend).</summary>
    public int NbPend { get; set; }

    /// <summary>This server's queue (srv->pendconns), FIFO.</summary>
    public PendingQueue PendConns { get; } = new();

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

    /// <summary>The server this one tracks (<c>track</c>), or null.</summary>
    public Server? Tracked { get; set; }

    /// <summary>The slowstart warm-up task, created the first time the server warms up.</summary>
    public ServerWarmup? Warmup { get; set; }

    /// <summary>Cumulated sessions (cum_sess).</summary>
    public long CumSess { get; set; }

    /// <summary>Sessions given to this server by the load balancer (cum_lbconn).</summary>
    public long CumLbConn { get; set; }

    public long FailedConns { get; set; }

    public long Retries { get; set; }

    public long Redispatches { get; set; }

    public bool IsBackup => (State & ServerState.Backup) != 0;

    public bool IsRunning => (State & ServerState.Running) != 0;
}
