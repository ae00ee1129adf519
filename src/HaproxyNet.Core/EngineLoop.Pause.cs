using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core;

/// <summary>SIGTTOU pause and SIGTTIN resume of the frontends (1.4's src/proxy.c).</summary>
public sealed partial class EngineLoop
{
    /// <summary>
    /// pause_proxies (SIGTTOU): every frontend-capable proxy not in ERROR, STOPPED or PAUSED logs "Pausing ..."
    /// and takes its listeners out of LISTEN (<see cref="PauseProxy"/>). Any proxy that did not reach PAUSED
    /// logs "... failed to enter pause mode."; then "Some proxies refused to pause, performing soft stop now."
    /// goes to the global loggers and the soft stop starts. Every line is a warning (stderr + LOG_WARNING).
    /// </summary>
    /// <remarks>1.4's <c>pause_proxies</c>; the soft stop is <c>soft_stop()</c> itself, even during a soft stop.</remarks>
    public void PauseProxies()
    {
        var refused = false;
        foreach (var p in Proxies)
        {
            if (!p.IsFrontend || p.State is ProxyState.Error or ProxyState.Stopped or ProxyState.Paused)
            {
                continue;
            }

            WarnAndLog(p, $"Pausing {p.CapabilityWord} {p.Name}.\n");
            PauseProxy(p);
            if (p.State != ProxyState.Paused)
            {
                refused = true;
                WarnAndLog(p, $"{p.CapabilityWord} {p.Name} failed to enter pause mode.\n");
            }
        }

        if (refused)
        {
            WarnAndLog(null, "Some proxies refused to pause, performing soft stop now.\n");
            SoftStopProxies();
        }
    }

    /// <summary>
    /// listen_proxies (SIGTTIN): each PAUSED proxy logs "Enabling ..." and listens again on each listener; a
    /// listener that listens is polled when the process and frontend limits allow it (RUN), else the proxy waits
    /// for <see cref="MaintainProxies"/> (IDLE). The first listener that cannot listen logs "Port N busy while
    /// trying to enable ..." and the whole proxy is paused again without a message.
    /// </summary>
    /// <remarks>
    /// 1.4's <c>listen_proxies</c>. On Linux the socket whose listen() failed is no longer listening, so pausing it
    /// again fails (ENOTCONN) and the proxy ends in ERROR, as 1.4.25 does there: only a soft stop ends it.
    /// </remarks>
    public void ResumeProxies()
    {
        foreach (var p in Proxies)
        {
            if (p.State != ProxyState.Paused)
            {
                continue;
            }

            WarnAndLog(p, $"Enabling {p.CapabilityWord} {p.Name}.\n");
            foreach (var l in p.Listeners)
            {
                if (l.Socket is not { } sock || !sock.Resume())
                {
                    WarnAndLog(p, $"Port {l.EndPoint.Port} busy while trying to enable {p.CapabilityWord} {p.Name}.\n");
                    PauseProxy(p); // another listener may already be enabled: stop them all
                    break;
                }

                if (ActConn < Global.MaxConn && p.FeConn < p.MaxConn)
                {
                    EnableListener(l);
                    p.State = ProxyState.Run;
                }
                else
                {
                    p.State = ProxyState.Idle; // maintain_proxies enables it when a slot frees
                }
            }
        }
    }

    /// <summary>
    /// pause_proxy: pauses every listener (<see cref="Ports.IListenerSocket.Pause"/>) and stops polling it; the
    /// proxy becomes PAUSED, or ERROR as soon as one listener refuses (that one keeps its polling as it was).
    /// </summary>
    /// <remarks>1.4's <c>pause_proxy</c>. Paused listeners are left in LISTEN state so that a session ending on a
    /// FULL listener does not enable them again.</remarks>
    private static void PauseProxy(Proxy p)
    {
        foreach (var l in p.Listeners)
        {
            if (l.Socket is { } sock && sock.Pause())
            {
                l.EnablePolling(false);
                if (l.State is ListenerState.Ready or ListenerState.Full)
                {
                    l.State = ListenerState.Listen;
                }

                if (p.State != ProxyState.Error)
                {
                    p.State = ProxyState.Paused;
                }
            }
            else
            {
                p.State = ProxyState.Error;
            }
        }
    }

    /// <summary>Polls one resumed listener (READY), or marks it FULL when it already holds its maxconn.</summary>
    private static void EnableListener(Listener l)
    {
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
