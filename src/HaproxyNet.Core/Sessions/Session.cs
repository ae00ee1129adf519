using System.Net;
using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Queueing;
using HaproxyNet.Core.StreamInterfaces;

namespace HaproxyNet.Core.Sessions;

/// <summary>One client connection and everything attached to it (1.4's <c>struct session</c>).</summary>
/// <remarks>Created by <see cref="EventAccept"/>, run by <see cref="SessionTask"/> through <see cref="ProcessSession"/>.</remarks>
public sealed partial class Session
{
    private IPEndPoint? _frontAddress;

    internal Session(EngineLoop loop, Listener listener, long uniqId, int bufSize)
    {
        Loop = loop;
        Listener = listener;
        Fe = listener.Frontend;
        Be = Fe;
        UniqId = uniqId;
        Req = new Channel(bufSize, loop.Buffers);
        Rep = new Channel(bufSize, loop.Buffers);
        Si0 = new StreamInterface(this, Req, Rep);
        Si1 = new StreamInterface(this, Rep, Req);
        Req.Producer = Si0;
        Req.Consumer = Si1;
        Rep.Producer = Si1;
        Rep.Consumer = Si0;
        Task = new SessionTask(this);
        loop.LinkSession(this);
    }

    public EngineLoop Loop { get; }

    public Listener Listener { get; }

    /// <summary>1.4's <c>uniq_id</c> (totalconn at accept); the trace key.</summary>
    public long UniqId { get; }

    public Proxy Fe { get; }

    /// <summary>The backend; the frontend until the switching rules ran.</summary>
    public Proxy Be { get; internal set; }

    /// <summary>The assigned server (s->srv), null if none.</summary>
    public Server? Srv { get; internal set; }

    /// <summary>The server of the previous attempt, avoided by the LB on redispatch (s->prev_srv).</summary>
    public Server? PrevSrv { get; internal set; }

    /// <summary>The server whose slot this session holds (s->srv_conn).</summary>
    public Server? SrvConn { get; internal set; }

    /// <summary>Queue position, null when not queued (s->pend_pos).</summary>
    public PendingConnection? PendPos { get; internal set; }

    public SessionFlags Flags { get; internal set; }

    public SessionError Err { get; internal set; }

    public SessionFinState Fin { get; internal set; }

    /// <summary>Remaining connection retries (s->conn_retries).</summary>
    public int ConnRetries { get; internal set; }

    /// <summary>Request buffer (client to server).</summary>
    public Channel Req { get; }

    /// <summary>Response buffer (server to client).</summary>
    public Channel Rep { get; }

    /// <summary>si[0]: client side.</summary>
    public StreamInterface Si0 { get; }

    /// <summary>si[1]: server side.</summary>
    public StreamInterface Si1 { get; }

    public SessionTask Task { get; }

    public SessionLogs Logs { get; } = new();

    public IPEndPoint ClientAddress { get; internal set; } = new(IPAddress.Any, 0);

    /// <summary>
    /// The address the client connected to: its original destination when the connection was redirected (1.4's
    /// <c>frt_addr</c>), read from the socket the first time it is needed (get_frt_addr, SN_FRT_ADDR_SET).
    /// </summary>
    public IPEndPoint FrontAddress
    {
        get => _frontAddress ??= Si0.Connection?.OriginalDestination ?? new IPEndPoint(IPAddress.Any, 0);
        internal set => _frontAddress = value;
    }

    /// <summary>The HTTP transaction (HTTP frontend or backend), null in TCP mode.</summary>
    public Http.HttpTxn? Txn { get; internal set; }

    /// <summary>The server address to connect to (set by assign_server_address).</summary>
    public IPEndPoint? SrvAddress { get; internal set; }

    public bool Has(SessionFlags f) => (Flags & f) != 0;

    /// <summary>Sets the termination cause if none is set yet (first writer wins).</summary>
    internal void SetErrIfNone(SessionError e)
    {
        if (Err == SessionError.None)
        {
            Err = e;
        }
    }

    /// <summary>Sets the termination state if none is set yet.</summary>
    internal void SetFinIfNone(SessionFinState f)
    {
        if (Fin == SessionFinState.None)
        {
            Fin = f;
        }
    }
}
