using HaproxyNet.Config.Environment;
using HaproxyNet.Core;
using HaproxyNet.Core.Checks;
using HaproxyNet.Core.Diagnostics;
using HaproxyNet.Core.Ports;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Host.Cli;
using HaproxyNet.Host.Engine;
using HaproxyNet.IO;
using HaproxyNet.Logging.Diagnostics;
using HaproxyNet.Logging.Syslog;
using NLog;

namespace HaproxyNet.Host.Runtime;

/// <summary>
/// One running proxy process: configuration → runtime → bound listeners → event loop, on the calling thread.
/// </summary>
/// <remarks>
/// The tail of 1.4's <c>main()</c> in haproxy.c (CLI.md §3 steps 3-12): register SIGUSR1/SIGHUP/SIGQUIT,
/// <c>start_proxies</c> (with the <c>-sf</c>/<c>-st</c> retry loop), "No enabled listener found",
/// SIGTTOU/SIGTTIN, detach stdio in quiet mode, tell the old PIDs, then <c>run_poll_loop</c> until the soft
/// stop has drained every session. Must run on the dedicated loop thread: the engine is single-threaded.
/// </remarks>
internal sealed partial class EngineProcess : IDisposable
{
    /// <summary>MAX_START_RETRIES: bind attempts while the old processes release their ports.</summary>
    public const int MaxStartRetries = 200;

    /// <summary>Syslog tag when the configuration has no <c>log-tag</c> (1.4 uses argv[0]'s basename).</summary>
    public const string DefaultTag = SyslogOptions.DefaultTag;

    private readonly EngineStartup _startup;
    private readonly IDiagnosticSink _printer;
    private readonly LogFactory _logFactory;
    private readonly EngineLoop _loop;
    private readonly SignalBridge _signals;

    public EngineProcess(EngineStartup startup, EngineSettings settings)
    {
        _startup = startup;
        _printer = startup.Diagnostics;
        _logFactory = HaproxyNetLogging.CreateFactory(new HaproxyNetLoggingOptions(settings.NLogConfigFile, settings.TraceEnabled));
        var global = RuntimeBuilder.BuildGlobal(startup.Config);
        global.UseSplice &= (startup.Options.DisabledPollers & DisabledPollers.Splice) == 0; // -dS
        if (startup.Options.MaxConn > 0)
        {
            global.MaxConn = startup.Options.MaxConn; // -n, applied after parsing
        }

        var g = startup.Config.Global;
        var sink = new SyslogLogSink(_logFactory, TimeProvider.System, new SyslogOptions(g.LogTag ?? DefaultTag, g.LogSendHostname));
        var network = settings.Network ?? NetworkFactory.Create((startup.Options.DisabledPollers & DisabledPollers.Epoll) != 0);
        ISessionTrace? trace = settings.TraceEnabled ? new NLogSessionTrace(_logFactory, true) : null;
        _handover = CreateHandover(network);
        _loop = new EngineLoop(TimeProvider.System, network, sink, global, trace);
        if (startup.Modes.PrintsDebugTrace)
        {
            _loop.DebugOutput = RawFdOutput.Stdout;
        }

        _loop.StartupMessages = _printer; // listener warnings are printed while starting, as in MODE_STARTING
        RuntimeBuilder.BuildProxies(startup.Config, _loop);
        _loop.PasswordCrypt = new HaproxyNet.IO.Native.LibCrypt(); // userlist "password" hashes (crypt(3))
#if !NATIVE_AOT
        if (settings.WarmUp)
        {
            JitWarmup.Complete();
        }
#endif

        _signals = new SignalBridge(_loop);
        HookSyslogFailures();
    }

    /// <summary>The engine (for tests of the wiring).</summary>
    public EngineLoop Loop => _loop;

    /// <summary>Binds, runs the loop to the end of the soft stop, and returns the exit status.</summary>
    /// <param name="onBound">Called once every listener is bound and the old PIDs were told (daemon hand-shake).</param>
    public int Run(Action? onBound = null)
    {
        // Registered before binding, as 1.4 does.
        _signals.Forward(SignalBridge.SigUsr1, EngineSignal.SoftStop);
        _signals.Forward(SignalBridge.SigHup, EngineSignal.DumpState);
        _signals.Forward(SignalBridge.SigQuit, EngineSignal.DumpPools);

        using var notify = SystemdNotify.FromEnvironment(); // connected now: chroot would hide its path
        ApplyStartupLimits();
        InheritListeners();
        if (!StartProxies())
        {
            return 1;
        }

        if (!BindStatsSocket())
        {
            return 1;
        }

        if (_loop.ListenerCount == 0)
        {
            _printer.Alert($"[{_startup.Argv0}.main()] No enabled listener found (check the <listen> keywords) ! Exiting.\n");
            return 1;
        }

        _signals.Forward(SignalBridge.SigTtou, EngineSignal.Pause);
        _signals.Forward(SignalBridge.SigTtin, EngineSignal.Resume);

        // MODE_STARTING ends: from here Warning()/Alert() follow quiet mode, and a quiet process has no stdio.
        var modes = _startup.Modes;
        if (modes.ShowsMessages && !modes.IsDaemon)
        {
            _loop.Messages = _printer;
            _loop.PoolDumpOutput = RawFdOutput.Stderr;
        }

        if (!modes.ShowsMessages && !modes.IsDaemon)
        {
            RuntimeLibc.DetachStdio();
        }

        if (!ChangeRoot())
        {
            return 1;
        }

        // A -D child leaves this to its parent, which first writes the pidfile (DaemonLauncher).
        notify?.Ready(Environment.ProcessId); // before -sf: a reload hands systemd the main PID before the old one exits
        var signal = OldPids.SignalFor(_startup.Options.OldPidsSignal);
        if (signal != 0 && !DaemonLauncher.IsDaemonChild)
        {
            OldPids.Tell(_startup.Options.OldPids, signal);
        }

        if (!SetIdentity())
        {
            return 1;
        }

        CheckFdLimit();

        ServeHandover();
        onBound?.Invoke();
        _loop.Clock.Invalidate(0); // a fresh "now" for the first check dates (start-up took a while)
        _loop.Clock.EnsureFresh();
        StartChecks.Run(_loop); // start_checks: first checks spread from now
        StartStatsSocket();
        _loop.Run();
        CloseStatsSocket();
        return 0;
    }

    public void Dispose()
    {
        _statsSocket?.Dispose();
        _handoverServer?.Dispose();
        _handover?.CloseUnadopted();
        _signals.Dispose();
        _logFactory.Flush();
        _logFactory.Dispose();
    }

    /// <summary>
    /// start_proxies through <see cref="BindRetry"/> (SIGTTOU to the <c>-sf</c>/<c>-st</c> PIDs between attempts);
    /// the alerts are only printed for the last attempt. On failure after retries the old PIDs get SIGTTIN back
    /// once our own sockets are closed.
    /// </summary>
    private bool StartProxies()
    {
        var oldPids = _startup.Options.OldPids;
        var paused = false;
        var errors = BindRetry.Run(
            last =>
            {
                _loop.StartupVerbose = last;
                return _loop.StartProxies();
            },
            oldPids.Count,
            () =>
            {
                paused = true;
                return OldPids.Tell(oldPids, RuntimeLibc.SIGTTOU);
            },
            static () => Thread.Sleep(10), // give the old processes time to stop listening (host side, not the engine)
            out var resumeOldPids);
        SettleHandover(paused);
        if (errors.Count == 0)
        {
            return true;
        }

        foreach (var e in errors)
        {
            _printer.Alert(e + "\n");
        }

        if (resumeOldPids)
        {
            CloseListeners();
            OldPids.Tell(oldPids, RuntimeLibc.SIGTTIN);
        }

        return false;
    }

    private void CloseListeners()
    {
        foreach (var p in _loop.Proxies)
        {
            foreach (var l in p.Listeners)
            {
                l.Socket?.Close();
                l.Socket = null;
            }
        }
    }

    /// <summary>1.4 prints <c>sendto logger #n failed: ...</c> as an alert and goes on.</summary>
    private void HookSyslogFailures()
    {
        if (HaproxyNetLogging.SyslogTarget(_logFactory) is not { } target)
        {
            return;
        }

        var loop = _loop;
        target.SendFailed = failure =>
        {
            if (loop.Messages is { } messages)
            {
                messages.Alert(failure.ToAlert(LoggerNumber(loop, failure.Target)) + "\n");
            }
        };
    }

    /// <summary>1-based slot of <paramref name="target"/> in the logger list it came from.</summary>
    private static int LoggerNumber(EngineLoop loop, Core.Logging.LogTarget target)
    {
        var i = loop.Global.Logs.IndexOf(target);
        if (i >= 0)
        {
            return i + 1;
        }

        foreach (var p in loop.Proxies)
        {
            i = p.Logs.IndexOf(target);
            if (i >= 0)
            {
                return i + 1;
            }
        }

        return 1;
    }
}
