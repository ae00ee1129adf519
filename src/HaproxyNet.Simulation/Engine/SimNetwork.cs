using System.Net;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.Testing.Engine;

/// <summary>
/// An in-memory network for the engine: listeners with backlogs, scripted servers and clients, and a poller that
/// jumps the <see cref="ManualTimeProvider"/> straight to the next event when nothing is ready.
/// </summary>
/// <remarks>
/// Zero latency: bytes and FINs are visible to the peer at the next poll, at the same virtual millisecond.
/// Engine-side sockets get descriptor numbers as a kernel would: the lowest free one, 0-3 being taken by stdio and
/// the poller, so the first listener is 4 and connections follow; a closed socket's number is reused.
/// </remarks>
public sealed partial class SimNetwork : INetwork
{
    private const int Econnrefused = 111;

    /// <summary>stdin, stdout, stderr and the poller's own descriptor come first, as in a real process.</summary>
    private const int FirstFreeFd = 4;

    private readonly Dictionary<IPEndPoint, SimListenerSocket> _listeners = [];
    private readonly Dictionary<IPEndPoint, SimServer> _servers = [];
    private readonly SortedDictionary<long, SimSocket> _engineSockets = [];
    private readonly List<SimClient> _clients = [];
    private readonly SortedSet<int> _freeFds = [];
    private int _nextFd = FirstFreeFd;
    private readonly SimPoller _poller;
    private long _socketIds;
    private int _ephemeralPort = 50000;

    public SimNetwork(ManualTimeProvider time)
    {
        Time = time;
        _poller = new SimPoller(this);
    }

    public ManualTimeProvider Time { get; }

    public IPoller Poller => _poller;

    /// <summary>Clients in creation order (client N has id N).</summary>
    public IReadOnlyList<SimClient> Clients => _clients;

    /// <summary>
    /// A condition the harness waits for (<see cref="EngineHarness.RunUntil"/>): once it holds the poller returns
    /// instead of moving time on, as a real-time harness reacts at once to what it waited for.
    /// </summary>
    public Func<bool>? Interrupt { get; set; }

    /// <summary>A virtual time the poller never waits past (the harness's "run until" limit), or -1.</summary>
    public long HorizonUs { get; set; } = -1;

    public IListenerSocket? Listen(IPEndPoint endPoint, int backlog, out string? error)
    {
        if (_listeners.ContainsKey(endPoint))
        {
            error = "cannot bind socket";
            return null;
        }

        var l = new SimListenerSocket(this, endPoint, backlog) { Fd = AllocateFd() };
        _listeners[endPoint] = l;
        error = null;
        return l;
    }

    public IConnection? Connect(IPEndPoint target, IPEndPoint? source, out ConnectStatus status, out int errno)
    {
        _servers.TryGetValue(target, out var server);
        var fd = AllocateFd();
        LastConnectFd = fd;
        if (server?.Kind == SimServerKind.RefuseSync)
        {
            // socket() succeeded, connect() failed: the number is released at once (and kept in LastConnectFd).
            ReleaseFd(fd);
            status = ConnectStatus.Refused;
            errno = Econnrefused;
            return null;
        }

        var local = source ?? new IPEndPoint(IPAddress.Loopback, _ephemeralPort++);
        var s = new SimSocket(this, local, target) { Connecting = true, Fd = fd };
        if (server?.Kind == SimServerKind.Blackhole)
        {
            s.NeverCompletes = true;
        }

        Register(s);
        status = ConnectStatus.InProgress;
        errno = 0;
        return s;
    }

    /// <inheritdoc />
    public int LastConnectFd { get; private set; } = -1;

    /// <summary>Adds a scripted server at <paramref name="endPoint"/>.</summary>
    public SimServer AddServer(IPEndPoint endPoint, SimServerKind kind)
    {
        var s = new SimServer(endPoint, kind);
        _servers[endPoint] = s;
        return s;
    }

    /// <summary>The scripted server at <paramref name="endPoint"/>, or null.</summary>
    public SimServer? ServerAt(IPEndPoint endPoint) => _servers.GetValueOrDefault(endPoint);

    /// <summary>Adds a client that connects to <paramref name="target"/> at <paramref name="startUs"/>; its source port is 40000 + id.</summary>
    public SimClient AddClient(IPEndPoint target, long startUs, IReadOnlyList<SimClientAction> actions, SimCloseMode close = SimCloseMode.Graceful)
    {
        var id = _clients.Count + 1;
        var c = new SimClient(id, new IPEndPoint(IPAddress.Loopback, 40000 + id), target, startUs, actions, close);
        _clients.Add(c);
        return c;
    }

    /// <summary>Adds a client connecting from <paramref name="source"/> (any address; port 40000 + id when 0).</summary>
    public SimClient AddClient(IPEndPoint target, IPEndPoint source, long startUs, IReadOnlyList<SimClientAction> actions, SimCloseMode close = SimCloseMode.Graceful)
    {
        var id = _clients.Count + 1;
        var ep = source.Port == 0 ? new IPEndPoint(source.Address, 40000 + id) : source;
        var c = new SimClient(id, ep, target, startUs, actions, close);
        _clients.Add(c);
        return c;
    }

    /// <summary>Finds the client whose source port is <paramref name="port"/>.</summary>
    public SimClient? ClientByPort(int port)
    {
        foreach (var c in _clients)
        {
            if (c.Source.Port == port)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>Count of clients that finished; the poller returns early when it changes.</summary>
    public int FinishedClients
    {
        get
        {
            var n = 0;
            foreach (var c in _clients)
            {
                if (c.Done)
                {
                    n++;
                }
            }

            return n;
        }
    }

    /// <summary>Events dispatched by the last poll.</summary>
    public int LastPollEvents { get; internal set; }

    /// <summary>Open engine-side sockets (proxy ends of client and server connections).</summary>
    public int OpenEngineSockets => _engineSockets.Count;

    internal long NextSocketId() => ++_socketIds;

    /// <summary>The lowest free descriptor number, as socket()/accept() return.</summary>
    internal int AllocateFd()
    {
        if (_freeFds.Count > 0)
        {
            var fd = _freeFds.Min;
            _freeFds.Remove(fd);
            return fd;
        }

        return _nextFd++;
    }

    /// <summary>close(): the number becomes free for the next socket.</summary>
    internal void ReleaseFd(int fd)
    {
        if (fd >= 0)
        {
            _freeFds.Add(fd);
        }
    }

    internal void Register(SimSocket s) => _engineSockets[s.Id] = s;

    internal void Forget(SimSocket s) => _engineSockets.Remove(s.Id);

    internal void Forget(SimListenerSocket l) => _listeners.Remove(l.LocalEndPoint);

    internal SimSocket? ConnectClient(SimClient c)
    {
        if (!_listeners.TryGetValue(c.Target, out var l))
        {
            return null;
        }

        var clientSide = new SimSocket(this, c.Source, c.Target);
        var proxySide = new SimSocket(this, c.Target, c.Source) { RedirectedFrom = Redirects.GetValueOrDefault(c.Source) };
        clientSide.Peer = proxySide;
        proxySide.Peer = clientSide;
        return l.Enqueue(proxySide) ? clientSide : null;
    }

    /// <summary>Lets servers and clients react until nothing changes; completes pending connects.</summary>
    internal void RunWorld()
    {
        for (var round = 0; round < 1000; round++)
        {
            var progress = CompleteConnects();
            var now = Time.NowUs;
            foreach (var srv in _servers.Values)
            {
                progress |= srv.Step(now);
            }

            foreach (var c in _clients)
            {
                progress |= c.Step(this, now);
            }

            if (!progress)
            {
                return;
            }
        }
    }

    /// <summary>The earliest virtual time a client wants to act or a server's delayed reply is due, or -1.</summary>
    internal long NextWorldWakeUs()
    {
        var next = -1L;
        foreach (var c in _clients)
        {
            if (c.NextWakeUs >= 0 && (next < 0 || c.NextWakeUs < next))
            {
                next = c.NextWakeUs;
            }
        }

        foreach (var s in _servers.Values)
        {
            if (s.NextWakeUs >= 0 && (next < 0 || s.NextWakeUs < next))
            {
                next = s.NextWakeUs;
            }
        }

        return next;
    }

    /// <summary>Runs the engine handlers of every ready socket (read before write), in socket order.</summary>
    internal int Dispatch()
    {
        var ready = new List<(IIoHandler Handler, bool Read, bool Write, object Sock)>();
        foreach (var l in _listeners.Values)
        {
            if (l.IsReadReady && l.Handler is not null)
            {
                ready.Add((l.Handler, true, false, l));
            }
        }

        foreach (var s in _engineSockets.Values)
        {
            if (s.Handler is null)
            {
                continue;
            }

            var r = s.WantRead && s.IsReadReady;
            var w = s.WantWrite && s.IsWriteReady;
            if (r || w)
            {
                ready.Add((s.Handler, r, w, s));
            }
        }

        foreach (var (handler, read, write, sock) in ready)
        {
            if (read)
            {
                handler.OnReadable();
            }

            if (write && sock is SimSocket ss && ss.Handler == handler && !ss.Closed)
            {
                handler.OnWritable();
            }
        }

        return ready.Count;
    }

    private bool CompleteConnects()
    {
        var progress = false;
        foreach (var s in _engineSockets.Values)
        {
            if (!s.Connecting || s.NeverCompletes || s.Closed)
            {
                continue;
            }

            s.Connecting = false;
            progress = true;
            if (_servers.TryGetValue(s.RemoteEndPoint, out var server) && server.Kind != SimServerKind.Refuse)
            {
                var serverSide = new SimSocket(this, s.RemoteEndPoint, s.LocalEndPoint);
                serverSide.Peer = s;
                s.Peer = serverSide;
                server.Attach(serverSide);
            }
            else
            {
                s.PendingError = Econnrefused;
            }
        }

        return progress;
    }
}
