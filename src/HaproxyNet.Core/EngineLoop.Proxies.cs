using HaproxyNet.Core.Logging;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core;

/// <summary>Proxy life cycle: start, limits, soft stop (1.4's src/proxy.c); pause and resume are in EngineLoop.Pause.cs.</summary>
public sealed partial class EngineLoop
{
    private bool _softStopSignalIgnored;

    /// <summary>
    /// start_proxies: binds every listener of every proxy in declaration order; a proxy whose listeners all
    /// bound logs "Proxy X started." (backends included) and becomes IDLE. Returns bind errors (empty on success).
    /// </summary>
    public IReadOnlyList<string> StartProxies()
    {
        var errors = new List<string>();
        foreach (var p in Proxies)
        {
            // An Error proxy is retried (-sf/-st bind retries); its already bound listeners are kept.
            if (p.State is not (ProxyState.New or ProxyState.Error))
            {
                continue;
            }

            var ok = true;
            foreach (var l in p.Listeners)
            {
                if (l.Socket is not null)
                {
                    continue;
                }

                l.Loop = this;
                l.MaxConn = p.MaxConn;
                var sock = Network.Listen(l.EndPoint, l.Backlog > 0 ? l.Backlog : p.MaxConn, l.Options, out var error, out var severity);
                if (sock is null)
                {
                    errors.Add($"Starting {p.CapabilityWord} {p.Name}: {error ?? "cannot bind socket"}");
                    ok = false;
                    continue;
                }

                ReportListenerMessage(p, error, severity);

                sock.Handler = l;
                sock.SetInterest(false);
                l.Socket = sock;
                l.State = ListenerState.Listen;
                ListenerOpened();
            }

            if (ok)
            {
                SendLog(p, LogLevels.Notice, $"Proxy {p.Name} started.\n");
                p.State = ProxyState.Idle;
            }
            else
            {
                p.State = ProxyState.Error;
            }
        }

        return errors;
    }

    /// <summary>
    /// maintain_proxies: enables or disables listeners according to the global and frontend limits, and stops
    /// soft-stopping proxies whose grace has elapsed, lowering <paramref name="next"/> to the next stop date.
    /// </summary>
    public void MaintainProxies(ref int next)
    {
        if (ActConn < Global.MaxConn)
        {
            foreach (var p in Proxies)
            {
                var blocked = p.FeConn >= p.MaxConn || RateLimited(p, ref next);
                if (blocked && p.State == ProxyState.Run)
                {
                    DisableListeners(p);
                    p.State = ProxyState.Idle;
                }
                else if (!blocked && p.State == ProxyState.Idle)
                {
                    EnableListeners(p);
                    p.State = ProxyState.Run;
                }
            }
        }
        else
        {
            foreach (var p in Proxies)
            {
                if (p.State == ProxyState.Run)
                {
                    DisableListeners(p);
                    p.State = ProxyState.Idle;
                }
            }
        }

        if (!Stopping)
        {
            return;
        }

        foreach (var p in Proxies)
        {
            if (p.State == ProxyState.Stopped)
            {
                continue;
            }

            if (Ticks.Remain(Clock.NowMs, p.StopTime) == 0)
            {
                WarnAndLog(p, $"Proxy {p.Name} stopped (FE: {p.CumFeConn} conns, BE: {p.CumBeConn} conns).\n");
                StopProxy(p);
            }
            else
            {
                next = Ticks.First(next, p.StopTime);
            }
        }
    }

    /// <summary>sig_soft_stop (SIGUSR1): runs <see cref="SoftStopProxies"/> once; later SIGUSR1 are ignored.</summary>
    public void SoftStop()
    {
        if (_softStopSignalIgnored)
        {
            return; // 1.4 unregisters its SIGUSR1 handler after the first one
        }

        _softStopSignalIgnored = true;
        SoftStopProxies();
    }

    /// <summary>soft_stop: every proxy not stopped logs "Stopping ... in N ms." and gets a stop date.</summary>
    /// <remarks>Also run by a refused pause, each time, as 1.4 calls <c>soft_stop()</c> directly there.</remarks>
    private void SoftStopProxies()
    {
        Stopping = true;
        foreach (var p in Proxies)
        {
            if (p.State == ProxyState.Stopped)
            {
                continue;
            }

            WarnAndLog(p, $"Stopping {p.CapabilityWord} {p.Name} in {p.GraceMs} ms.\n");
            p.StopTime = Ticks.Add(Clock.NowMs, p.GraceMs);
        }
    }

    /// <summary>
    /// 1.4's <c>Warning()</c> on stderr (when <see cref="Messages"/> is set) then <c>send_log</c> at LOG_WARNING
    /// (to the global loggers when <paramref name="p"/> is null).
    /// </summary>
    private void WarnAndLog(Proxy? p, string text)
    {
        Messages?.Warning(text);
        SendLog(p, LogLevels.Warning, text);
    }

    private static void EnableListeners(Proxy p)
    {
        foreach (var l in p.Listeners)
        {
            if (l.State != ListenerState.Listen)
            {
                continue;
            }

            if (l.NbConn < l.MaxConn)
            {
                l.EnablePolling(true);
                l.State = ListenerState.Ready;
            }
            else
            {
                l.State = ListenerState.Full;
            }
        }
    }

    private static void DisableListeners(Proxy p)
    {
        foreach (var l in p.Listeners)
        {
            if (l.State == ListenerState.Ready)
            {
                l.EnablePolling(false);
                l.State = ListenerState.Listen;
            }
        }
    }

    /// <summary>stop_proxy: closes the listeners; established sessions go on.</summary>
    private void StopProxy(Proxy p)
    {
        foreach (var l in p.Listeners)
        {
            if (l.Socket is not null)
            {
                l.Socket.Handler = null;
                l.Socket.Close();
                l.Socket = null;
                l.State = ListenerState.Init;
                ListenerClosed();
            }
        }

        p.State = ProxyState.Stopped;
    }
}
