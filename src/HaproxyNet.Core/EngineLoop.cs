using System.Collections.Concurrent;
using HaproxyNet.Core.Diagnostics;
using HaproxyNet.Core.Logging;
using HaproxyNet.Core.Ports;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.Tasks;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core;

/// <summary>
/// The process: its proxies, global counters and the single-threaded loop that runs them.
/// </summary>
/// <remarks>
/// HAProxy 1.4 <c>run_poll_loop</c> (src/haproxy.c): signals, <c>wake_expired_tasks</c>,
/// <c>process_runnable_tasks</c>, <c>maintain_proxies</c>, then poll until the next timer (+1 ms, at most 1 s).
/// Time comes only from the injected <see cref="TimeProvider"/>, read once per turn.
/// </remarks>
public sealed partial class EngineLoop
{
    /// <summary>MAX_DELAY_MS: the longest poll wait.</summary>
    public const int MaxDelayMs = 1000;

    private readonly ConcurrentQueue<EngineSignal> _signals = new();

    public EngineLoop(TimeProvider time, INetwork network, ILogSink logSink, GlobalSettings global, ISessionTrace? trace = null)
    {
        Clock = new EngineClock(time);
        Scheduler = new Scheduler(Clock);
        Network = network;
        LogSink = logSink;
        Global = global;
        Trace = trace ?? NullSessionTrace.Instance;
        RequestAnalysers[0] = TcpInspectRequest.Instance; // AN_REQ_INSPECT (bit 0)
        Http.HttpAnalysers.Register(this);
    }

    public EngineClock Clock { get; }

    public Scheduler Scheduler { get; }

    public INetwork Network { get; }

    public ILogSink LogSink { get; }

    public GlobalSettings Global { get; }

    public ISessionTrace Trace { get; }

    /// <summary>
    /// Where the process's own stderr lines go (Warning(): stop, pause, resume, SIGHUP dump; Alert(): no server available), besides syslog; null = nowhere. Texts end with their newline, as 1.4's.
    /// The host sets it to its stderr printer, already filtered for quiet mode.
    /// </summary>
    public HaproxyNet.Config.Environment.IDiagnosticSink? Messages { get; set; }

    /// <summary>
    /// The <c>-d</c> session trace (accept/srvcls/clicls/closed lines, <see cref="DebugTrace"/>); null = off. The host
    /// sets it only in debug mode when not quiet (or verbose), 1.4's condition for every such line.
    /// </summary>
    public IDebugOutput? DebugOutput { get; set; }

    /// <summary>
    /// Request analysers by bit index (the HTTP layer registers its own); a bit without analyser is skipped.
    /// Switching rules are built in.
    /// </summary>
    public IAnalyser?[] RequestAnalysers { get; } = new IAnalyser?[Analysers.RequestBitCount];

    /// <summary>Response analysers by bit index (the HTTP layer's); a bit without analyser is skipped.</summary>
    public IAnalyser?[] ResponseAnalysers { get; } = new IAnalyser?[Analysers.ResponseBitCount];

    /// <summary>Sessions ended because their processing threw (a HaproxyNet bug; each is reported on stderr).</summary>
    public long InternalErrors { get; internal set; }

    /// <summary>The random source of <c>spread-checks</c> (1.4 seeds rand() with the start time); tests set a seeded one.</summary>
    public Random Random { get; set; } = new();

    /// <summary>Proxies in declaration order.</summary>
    public List<Proxy> Proxies { get; } = [];

    /// <summary>Live sessions of the process (actconn).</summary>
    public int ActConn { get; internal set; }

    /// <summary>Sessions accepted since start (totalconn); the next session id.</summary>
    public long TotalConn { get; internal set; }

    /// <summary>Soft stop in progress.</summary>
    public bool Stopping { get; private set; }

    /// <summary>Bound listeners not yet closed (listeners).</summary>
    public int ListenerCount { get; private set; }

    /// <summary>True once the loop decided to exit (no session, no listener left while stopping).</summary>
    public bool Exited { get; private set; }

    /// <summary>Runs turns until the process exits.</summary>
    public void Run()
    {
        while (!Exited)
        {
            RunOnce();
        }
    }

    /// <summary>One turn of run_poll_loop. Returns false once the process has exited.</summary>
    public bool RunOnce()
    {
        if (Exited)
        {
            return false;
        }

        ProcessSignals();
        RunPosted();
        var next = Scheduler.WakeExpiredTasks();
        Scheduler.ProcessRunnableTasks(ref next);
        MaintainProxies(ref next);
        // As 1.4: no session and no listener left ends the process (only soft stop closes listeners).
        if (ActConn == 0 && ListenerCount == 0)
        {
            Exited = true;
            return false;
        }

        var wait = ComputePollWait(next);
        Clock.Invalidate(wait);
        var events = Network.Poller.Poll(wait);
        Clock.EnsureFresh(events > 0);
        return true;
    }

    /// <summary>
    /// The poll timeout: 0 with runnable tasks or pending signals, 1000 ms without timer,
    /// else min(remaining + 1, 1000) (the +1 makes timers fire after, never before, their tick).
    /// </summary>
    public int ComputePollWait(int next)
    {
        if (Scheduler.RunQueueLength > 0 || !_signals.IsEmpty || HasPosted)
        {
            return 0;
        }

        if (!Ticks.IsSet(next))
        {
            return MaxDelayMs;
        }

        if (Ticks.IsExpired(next, Clock.NowMs))
        {
            return 0;
        }

        return Math.Min(Ticks.Remain(Clock.NowMs, next) + 1, MaxDelayMs);
    }

    /// <summary>Thread-safe: queues a signal for the next turn and interrupts the poller.</summary>
    public void RaiseSignal(EngineSignal signal)
    {
        _signals.Enqueue(signal);
        Network.Poller.Wake();
    }

    private void ProcessSignals()
    {
        while (_signals.TryDequeue(out var sig))
        {
            switch (sig)
            {
                case EngineSignal.SoftStop:
                    SoftStop();
                    break;
                case EngineSignal.Pause:
                    PauseProxies();
                    break;
                case EngineSignal.Resume:
                    ResumeProxies();
                    break;
                case EngineSignal.DumpState:
                    DumpState();
                    break;
                case EngineSignal.DumpPools:
                    DumpPools();
                    break;
            }
        }
    }

    internal void ListenerClosed() => ListenerCount--;

    internal void ListenerOpened() => ListenerCount++;
}
