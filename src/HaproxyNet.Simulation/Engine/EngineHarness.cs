using System.Net;
using HaproxyNet.Core;
using HaproxyNet.Core.LoadBalancing;
using HaproxyNet.Core.Logging;
using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Testing.Engine;

/// <summary>
/// A whole engine on the simulated network in virtual time: build proxies, add scripted servers and clients,
/// run until a time or a condition, read the captured log.
/// </summary>
public sealed class EngineHarness
{
    /// <summary>The syslog target of the goldens: <c>log 127.0.0.1:514 local0</c>.</summary>
    public static readonly LogTarget Local0 = new(new IPEndPoint(IPAddress.Loopback, 514), null, 16);

    /// <param name="global">Global settings (defaults otherwise); log dates use UTC.</param>
    /// <param name="trace">Record the session trace in <see cref="Trace"/>; null = tracing disabled (NullSessionTrace).</param>
    public EngineHarness(GlobalSettings? global = null, bool? trace = null)
    {
        Time = new ManualTimeProvider();
        Trace = trace is null ? null : new RecordingSessionTrace(trace.Value, Time);
        Network = new SimNetwork(Time);
        Log = new CapturingLogSink();
        Global = global ?? new GlobalSettings();
        Global.TimeZone = TimeZoneInfo.Utc;
        Loop = new EngineLoop(Time, Network, Log, Global, Trace);
        StartUs = Time.NowUs;
    }

    public ManualTimeProvider Time { get; }

    /// <summary>The recorded trace, when requested.</summary>
    public RecordingSessionTrace? Trace { get; }

    public SimNetwork Network { get; }

    public CapturingLogSink Log { get; }

    public GlobalSettings Global { get; }

    public EngineLoop Loop { get; }

    /// <summary>Virtual start time (microseconds since the epoch).</summary>
    public long StartUs { get; }

    /// <summary>Milliseconds of virtual time since the harness was created.</summary>
    public long ElapsedMs => (Time.NowUs - StartUs) / 1000;

    /// <summary>Loopback endpoint on <paramref name="port"/>.</summary>
    public static IPEndPoint Ep(int port) => new(IPAddress.Loopback, port);

    /// <summary>Adds a <c>listen</c> section (TCP, tcplog off) bound on <paramref name="port"/>, logging to local0.</summary>
    public Proxy AddListen(string name, int port)
    {
        var p = new Proxy(name) { Capabilities = ProxyCapabilities.Listen };
        p.Logs.Add(Local0);
        p.Listeners.Add(new Listener(p, Ep(port)));
        Loop.Proxies.Add(p);
        return p;
    }

    /// <summary>Adds a running server (dynamic-algorithm weight: eweight = uweight * 16) and its scripted peer.</summary>
    public Server AddServer(Proxy backend, string name, int port, SimServerKind kind, int weight = 1)
    {
        var s = new Server(backend, name, backend.Servers.Count + 1)
        {
            Address = Ep(port),
            State = ServerState.Running,
            UWeight = weight,
            EWeight = weight * 16,
        };
        backend.Servers.Add(s);
        Network.AddServer(Ep(port), kind);
        return s;
    }

    /// <summary>Binds the proxies ("Proxy X started.") and runs the first loop turn (listeners enabled).</summary>
    public void Start()
    {
        foreach (var p in Loop.Proxies)
        {
            if (p.Lb is null && p.Servers.Count > 0)
            {
                LoadBalancerFactory.Create(p, LbSettings.Default);
            }
        }

        HaproxyNet.Core.Checks.StartChecks.Run(Loop);
        var errors = Loop.StartProxies();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", errors));
        }

        Loop.RunOnce();
    }

    /// <summary>Adds a client connecting now + <paramref name="delayMs"/>.</summary>
    public SimClient AddClient(int port, int delayMs, IReadOnlyList<SimClientAction> actions, SimCloseMode close = SimCloseMode.Graceful) =>
        Network.AddClient(Ep(port), Time.NowUs + (delayMs * 1000L), actions, close);

    /// <summary>Adds a client from <paramref name="source"/> (port 40000 + id) connecting now + <paramref name="delayMs"/>.</summary>
    public SimClient AddClientFrom(IPAddress source, int port, int delayMs, IReadOnlyList<SimClientAction> actions, SimCloseMode close = SimCloseMode.Graceful) =>
        Network.AddClient(Ep(port), new IPEndPoint(source, 0), Time.NowUs + (delayMs * 1000L), actions, close);

    /// <summary>Runs loop turns until the virtual clock reaches start + <paramref name="ms"/>.</summary>
    public void RunUntilMs(long ms)
    {
        var target = StartUs + (ms * 1000);
        Network.HorizonUs = target;
        try
        {
            for (var turns = 0; Time.NowUs < target && !Loop.Exited; turns++)
            {
                Loop.RunOnce();
                Guard(turns);
            }

            Settle();
        }
        finally
        {
            Network.HorizonUs = -1;
        }
    }

    /// <summary>Runs loop turns for <paramref name="ms"/> more milliseconds.</summary>
    public void RunFor(long ms) => RunUntilMs(ElapsedMs + ms);

    /// <summary>Runs loop turns until <paramref name="done"/> holds (or <paramref name="maxMs"/> of virtual time pass).</summary>
    public bool RunUntil(Func<bool> done, long maxMs = 120_000)
    {
        var limit = Time.NowUs + (maxMs * 1000);
        Network.HorizonUs = limit;
        Network.Interrupt = done;
        try
        {
            for (var turns = 0; !done() && Time.NowUs < limit && !Loop.Exited; turns++)
            {
                Loop.RunOnce();
                Guard(turns);
            }
        }
        finally
        {
            Network.HorizonUs = -1;
            Network.Interrupt = null;
        }

        return done();
    }

    /// <summary>SIGUSR1, then run until the process exits.</summary>
    public void SoftStopAndDrain(long maxMs = 120_000)
    {
        Loop.RaiseSignal(EngineSignal.SoftStop);
        RunUntil(() => Loop.Exited, maxMs);
    }

    /// <summary>
    /// Runs the turns due at the current virtual time (timers at exactly now, I/O that follows) without letting time
    /// move: stops after a turn whose poll found nothing and left no runnable task.
    /// </summary>
    public void Settle()
    {
        var saved = Network.HorizonUs;
        Network.HorizonUs = Time.NowUs;
        try
        {
            for (var turns = 0; !Loop.Exited; turns++)
            {
                Loop.RunOnce();
                Guard(turns);
                if (Network.LastPollEvents == 0 && Loop.Scheduler.RunQueueLength == 0)
                {
                    break;
                }
            }
        }
        finally
        {
            Network.HorizonUs = saved;
        }
    }

    private static void Guard(int turns)
    {
        if (turns > 1_000_000)
        {
            throw new InvalidOperationException("engine loop spins without progress");
        }
    }
}
