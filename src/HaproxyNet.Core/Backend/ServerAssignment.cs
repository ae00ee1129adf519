using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Queueing;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.StreamInterfaces;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Backend;

/// <summary>Choosing a server for a session, reserving its slot or queueing (1.4's src/backend.c).</summary>
public static class ServerAssignment
{
    /// <summary>
    /// assign_server: releases any held slot, asks the load balancer for a server (avoiding prev_srv), and marks the
    /// session ASSIGNED. Returns NOSRV without usable server, FULL when all are saturated. A backend without LB
    /// algorithm but with a dispatch address or <c>option transparent</c> is ASSIGNED with no server, and so is an
    /// <c>option http_proxy</c> one once the request named an address.
    /// </summary>
    public static SrvStatus AssignServer(Session s)
    {
        var loop = s.Loop;
        var be = s.Be;
        var connSlot = s.SrvConn;
        if (connSlot is not null)
        {
            SessionServer.SessChangeServer(s, null);
        }

        s.Srv = null;
        SrvStatus err;
        if (be.Lb is null && (be.DispatchAddress is not null || be.Transparent))
        {
            // No LB algorithm: the dispatch address or the original destination, with no server.
            s.Flags |= SessionFlags.Assigned;
            err = SrvStatus.Ok;
        }
        else if (be.Lb is null && be.HttpProxy)
        {
            // option http_proxy: the address the request's absolute URI named (HttpProcessRequest), else no server.
            if (s.SrvAddress is null)
            {
                err = SrvStatus.NoSrv;
            }
            else
            {
                s.Flags |= SessionFlags.Assigned;
                err = SrvStatus.Ok;
            }
        }
        else if (!LbHooks.HasWeight(be))
        {
            err = SrvStatus.NoSrv;
        }
        else
        {
            var srv = LbHooks.PickServer(s, s.PrevSrv, loop.Clock.NowSeconds);
            if (srv is null)
            {
                err = SrvStatus.Full;
            }
            else
            {
                s.Srv = srv;
                if (srv != s.PrevSrv)
                {
                    be.CumLbConn++;
                    srv.CumLbConn++;
                }

                s.Flags |= SessionFlags.Assigned;
                err = SrvStatus.Ok;
            }
        }

        if (connSlot is not null)
        {
            if (connSlot == s.Srv)
            {
                SessionServer.SessChangeServer(s, s.Srv);
            }
            else if (ServerQueue.MayDequeueTasks(connSlot, be, loop.Clock.NowSeconds))
            {
                ServerQueue.ProcessSrvQueue(loop, connSlot);
            }
        }

        if (loop.Trace.IsEnabled)
        {
            loop.Trace.Trace(s.UniqId, $"assign_server({be.Name}, avoid={s.PrevSrv?.Name ?? "none"}) -> {err} {s.Srv?.Name ?? "<NOSRV>"}");
        }

        return err;
    }

    /// <summary>
    /// assign_server_and_queue: assigns a server if needed, then reserves a slot on it, queues on it when it is
    /// saturated (FULL if its maxqueue is reached), or queues on the backend when every server is saturated.
    /// </summary>
    public static SrvStatus AssignServerAndQueue(Session s)
    {
        var loop = s.Loop;
        if (s.PendPos is not null)
        {
            return SrvStatus.Internal;
        }

        SrvStatus err;
        if (!s.Has(SessionFlags.Assigned))
        {
            err = AssignServer(s);
            if (s.PrevSrv is { } prev)
            {
                if (prev != s.Srv)
                {
                    if (s.Txn is { CookieState: Http.Persistence.RequestCookieState.Valid } txn)
                    {
                        txn.CookieState = Http.Persistence.RequestCookieState.Down;
                    }

                    s.Flags |= SessionFlags.Redisp;
                    prev.Redispatches++;
                    s.Be.Redispatches++;
                    if (s.Loop.Trace.IsEnabled)
                    {
                        Trace(s, $"redispatch from {prev.Name} to {s.Srv?.Name ?? "<NOSRV>"}");
                    }
                }
                else
                {
                    prev.Retries++;
                    s.Be.Retries++;
                }
            }
        }
        else
        {
            err = SrvStatus.Ok;
        }

        switch (err)
        {
            case SrvStatus.Ok:
                var srv = s.Srv;
                if (srv is null || s.SrvConn == srv)
                {
                    return SrvStatus.Ok;
                }

                if (srv.MaxConn != 0)
                {
                    var dyn = DynamicMaxconn.SrvDynamicMaxconn(srv, loop.Clock.NowSeconds);
                    TraceDynMaxconn(s, srv, dyn);
                    if (srv.NbPend > 0 || srv.Served >= dyn)
                    {
                        if (srv.MaxQueue > 0 && srv.NbPend >= srv.MaxQueue)
                        {
                            if (s.Loop.Trace.IsEnabled)
                            {
                                Trace(s, $"server {srv.Name} queue full: nbpend={srv.NbPend} maxqueue={srv.MaxQueue}");
                            }

                            return SrvStatus.Full;
                        }

                        ServerQueue.PendconnAdd(s);
                        if (s.Loop.Trace.IsEnabled)
                        {
                            Trace(s, $"queued on server {s.Be.Name}/{srv.Name} at position {srv.NbPend}");
                        }

                        return SrvStatus.Queued;
                    }
                }

                SessionServer.SessChangeServer(s, srv);
                return SrvStatus.Ok;

            case SrvStatus.Full:
                if (loop.Trace.IsEnabled)
                {
                    // Why the load balancer found nobody: every server's limit, as it saw them.
                    foreach (var candidate in s.Be.Servers)
                    {
                        if (candidate.MaxConn != 0 && candidate.IsUsable)
                        {
                            TraceDynMaxconn(s, candidate, DynamicMaxconn.SrvDynamicMaxconn(candidate, loop.Clock.NowSeconds));
                        }
                    }
                }

                ServerQueue.PendconnAdd(s);
                if (s.Loop.Trace.IsEnabled)
                {
                    Trace(s, $"all servers saturated: queued on backend {s.Be.Name} at position {s.Be.NbPend}");
                }

                return SrvStatus.Queued;

            default:
                return err;
        }
    }

    /// <summary>
    /// srv_redispatch_connect: assigns and reserves, or queues (si QUE with the queue timeout), or records why no
    /// server can be used (err_type). Returns 0 when a server slot is held, 1 otherwise.
    /// </summary>
    public static int SrvRedispatchConnect(Session s)
    {
        var si = s.Si1;
        while (true)
        {
            var err = AssignServerAndQueue(s);
            switch (err)
            {
                case SrvStatus.Ok:
                    return 0;

                case SrvStatus.Full:
                    if ((s.Flags & (SessionFlags.Direct | SessionFlags.ForcePrst)) == SessionFlags.Direct
                        && s.Be.Has(ProxyOptions.Redispatch))
                    {
                        s.Flags &= ~(SessionFlags.Direct | SessionFlags.Assigned | SessionFlags.AddrSet);
                        s.PrevSrv = s.Srv;
                        continue;
                    }

                    if (si.ErrType == SiErrType.None)
                    {
                        si.ErrType = SiErrType.QueueErr;
                    }

                    if (s.Srv is not null)
                    {
                        s.Srv.FailedConns++;
                    }

                    s.Be.FailedConns++;
                    return 1;

                case SrvStatus.NoSrv:
                    if (si.ErrType == SiErrType.None)
                    {
                        si.ErrType = SiErrType.ConnErr;
                    }

                    s.Be.FailedConns++;
                    return 1;

                case SrvStatus.Queued:
                    si.Exp = Ticks.AddIfSet(s.Loop.Clock.NowMs, s.Be.Timeouts.Queue);
                    si.State = SiState.Que;
                    return 1;

                default:
                    if (si.ErrType == SiErrType.None)
                    {
                        si.ErrType = SiErrType.ConnOther;
                    }

                    if (s.Srv is { } srv)
                    {
                        srv.IncSessCounter(s.Loop.Clock.NowUs);
                        srv.FailedConns++;
                    }

                    s.Be.FailedConns++;
                    if (ServerQueue.MayDequeueTasks(s.Srv, s.Be, s.Loop.Clock.NowSeconds))
                    {
                        ServerQueue.ProcessSrvQueue(s.Loop, s.Srv!);
                    }

                    return 1;
            }
        }
    }

    private static void TraceDynMaxconn(Session s, Server srv, int dyn)
    {
        if (!s.Loop.Trace.IsEnabled)
        {
            return;
        }

        var be = srv.Proxy;
        var warm = (srv.State & ServerState.WarmingUp) != 0
            ? $"{s.Loop.Clock.NowSeconds - srv.LastChangeSeconds}/{srv.SlowStartSeconds}s"
            : "none";
        s.Loop.Trace.Trace(s.UniqId, $"srv_dynamic_maxconn({be.Name}/{srv.Name}: beconn={be.BeConn}, fullconn={be.FullConn}, minconn={srv.MinConn}, maxconn={srv.MaxConn}, warmup={warm}) -> {dyn}; served={srv.Served} nbpend={srv.NbPend}");
    }

    private static void Trace(Session s, string message) => s.Loop.Trace.Trace(s.UniqId, message);
}
