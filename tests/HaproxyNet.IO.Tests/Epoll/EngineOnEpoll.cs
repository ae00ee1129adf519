using System.Net;
using System.Net.Sockets;
using HaproxyNet.Core;
using HaproxyNet.Core.LoadBalancing;
using HaproxyNet.Core.Proxies;
using HaproxyNet.IO.Epoll;
using HaproxyNet.IO.Native;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.IO.Tests.Epoll;

/// <summary>
/// The real engine (one <c>listen</c> proxy in mode tcp, one server) on real loopback sockets through
/// <see cref="EpollNetwork"/>, its loop on a dedicated thread, with a blocking backend that answers each request
/// and closes. Counts the loop thread's system calls (<see cref="Syscalls"/>) over a series of sessions.
/// </summary>
internal sealed class EngineOnEpoll : IDisposable
{
    private readonly Socket _backend;
    private readonly Thread _backendThread;
    private readonly Thread _loopThread;
    private readonly EpollNetwork _network = new();
    private readonly byte[] _response;
    private readonly int _requestSize;
    private readonly Action<Socket>? _serve;
    private volatile bool _stop;
    private volatile int _measureFrom = -1;
    private volatile int _measureTo = -1;
    private long[]? _counts;
    private Exception? _loopFailure;

    /// <param name="requestSize">Bytes the default backend reads before answering.</param>
    /// <param name="responseSize">Bytes the default backend answers before closing.</param>
    /// <param name="configure">Changes to the <c>listen</c> proxy (options, logs).</param>
    /// <param name="global">Global settings (defaults otherwise).</param>
    /// <param name="serve">The backend's work on each accepted connection instead of the default (run on its own thread).</param>
    public EngineOnEpoll(int requestSize, int responseSize, Action<Proxy>? configure = null, GlobalSettings? global = null, Action<Socket>? serve = null)
    {
        _serve = serve;
        _requestSize = requestSize;
        _response = new byte[responseSize];
        for (var i = 0; i < _response.Length; i++)
        {
            _response[i] = (byte)('a' + (i % 26));
        }

        _backend = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _backend.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _backend.Listen(64);
        _backendThread = new Thread(ServeBackend) { IsBackground = true, Name = "backend" };
        _backendThread.Start();

        Log = new CapturingLogSink();
        Loop = new EngineLoop(TimeProvider.System, _network, Log, global ?? new GlobalSettings());
        var p = new Proxy("l") { Capabilities = ProxyCapabilities.Listen };
        p.Listeners.Add(new Listener(p, new IPEndPoint(IPAddress.Loopback, 0)));
        var s = new Server(p, "s1", 1)
        {
            Address = (IPEndPoint)_backend.LocalEndPoint!,
            State = ServerState.Running,
            UWeight = 1,
            EWeight = 16,
        };
        p.Servers.Add(s);
        configure?.Invoke(p);
        Loop.Proxies.Add(p);
        LoadBalancerFactory.Create(p, LbSettings.Default);
        var errors = Loop.StartProxies();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", errors));
        }

        Port = p.Listeners[0].Socket!.LocalEndPoint.Port;
        _loopThread = new Thread(RunLoop) { IsBackground = true, Name = "engine loop" };
        _loopThread.Start();
    }

    public EngineLoop Loop { get; }

    public CapturingLogSink Log { get; }

    /// <summary>The frontend's port.</summary>
    public int Port { get; }

    /// <summary>
    /// Runs <paramref name="sessions"/> sequential client sessions (connect, send the request, read to the end, close)
    /// and returns the loop thread's system calls between the end of the <paramref name="after"/>-th session and the
    /// end of the last one.
    /// </summary>
    public long[] Measure(int after, int sessions) => Measure(after, sessions, () => Session());

    /// <summary>
    /// As <see cref="Measure(int, int)"/>, each call of <paramref name="client"/> making <paramref name="perCall"/>
    /// sessions (and ending them).
    /// </summary>
    public long[] Measure(int after, int sessions, Action client, int perCall = 1)
    {
        var before = Loop.TotalConn;
        for (var i = 0; i < after; i++)
        {
            client();
        }

        after *= perCall;
        SpinWait.SpinUntil(() => Loop.TotalConn == before + after && Loop.ActConn == 0, TimeSpan.FromSeconds(10));
        _counts = null;
        _measureTo = (int)(before + after + (sessions * perCall));
        _measureFrom = (int)(before + after);
        _network.Poller.Wake();
        SpinWait.SpinUntil(() => _measureFrom == -2, TimeSpan.FromSeconds(10)); // loop thread started counting
        for (var i = 0; i < sessions; i++)
        {
            client();
        }

        if (!SpinWait.SpinUntil(() => Volatile.Read(ref _counts) is not null || _loopFailure is not null, TimeSpan.FromSeconds(15)))
        {
            throw new TimeoutException($"sessions did not end: total {Loop.TotalConn}, active {Loop.ActConn}");
        }

        return _loopFailure is null ? _counts! : throw new InvalidOperationException("loop failed", _loopFailure);
    }

    /// <summary>One client session; returns the bytes received.</summary>
    public int Session()
    {
        using var c = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 10_000 };
        c.Connect(new IPEndPoint(IPAddress.Loopback, Port));
        c.Send(new byte[_requestSize]);
        var buffer = new byte[65536];
        var total = 0;
        int n;
        while ((n = c.Receive(buffer)) > 0)
        {
            total += n;
        }

        return total;
    }

    public void Dispose()
    {
        _stop = true;
        _network.Poller.Wake();
        _loopThread.Join(TimeSpan.FromSeconds(10));
        _backend.Dispose();
        _backendThread.Join(TimeSpan.FromSeconds(10));
        _network.Dispose();
    }

    private void RunLoop()
    {
        try
        {
            var counting = false;
            while (!_stop)
            {
                if (_measureFrom >= 0 && !counting)
                {
                    Syscalls.Start();
                    counting = true;
                    _measureFrom = -2;
                }

                Loop.RunOnce();
                if (counting && Loop.TotalConn >= _measureTo && Loop.ActConn == 0)
                {
                    counting = false;
                    Volatile.Write(ref _counts, Syscalls.Stop());
                }
            }
        }
        catch (Exception e)
        {
            _loopFailure = e;
        }
    }

    private void ServeBackend()
    {
        var request = new byte[_requestSize];
        while (!_stop)
        {
            Socket conn;
            try
            {
                conn = _backend.Accept();
            }
            catch (SocketException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            if (_serve is not null)
            {
                new Thread(() =>
                {
                    using (conn)
                    {
                        try
                        {
                            _serve(conn);
                        }
                        catch (SocketException)
                        {
                        }
                    }
                })
                { IsBackground = true, Name = "backend session" }.Start();
                continue;
            }

            using (conn)
            {
                try
                {
                    var got = 0;
                    while (got < _requestSize)
                    {
                        var n = conn.Receive(request, got, _requestSize - got, SocketFlags.None);
                        if (n == 0)
                        {
                            break;
                        }

                        got += n;
                    }

                    conn.Send(_response);
                    conn.Shutdown(SocketShutdown.Send);
                    while (conn.Receive(request) > 0)
                    {
                    }
                }
                catch (SocketException)
                {
                }
            }
        }
    }
}
