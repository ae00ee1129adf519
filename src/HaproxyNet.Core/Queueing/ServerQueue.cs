using HaproxyNet.Core.Backend;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.Tasks;

namespace HaproxyNet.Core.Queueing;

/// <summary>Pending connections: enqueue, dequeue and the wake-ups that hand freed slots to waiting sessions.</summary>
/// <remarks>HAProxy 1.4 src/queue.c.</remarks>
public static class ServerQueue
{
    /// <summary>
    /// pendconn_add: queues <paramref name="s"/> on its server when it is assigned one, else on the backend, and adds
    /// the resulting queue length (itself included) to the logged queue size.
    /// </summary>
    public static PendingConnection PendconnAdd(Session s)
    {
        var be = s.Be;
        PendingConnection p;
        if (s.Has(SessionFlags.Assigned) && s.Srv is { } srv)
        {
            p = new PendingConnection(s, srv);
            srv.PendConns.Append(p);
            srv.NbPend++;
            if (srv.NbPend > srv.NbPendMax)
            {
                srv.NbPendMax = srv.NbPend;
            }

            s.Logs.SrvQueueSize += srv.NbPend;
        }
        else
        {
            p = new PendingConnection(s, null);
            be.PendConns.Append(p);
            be.NbPend++;
            if (be.NbPend > be.NbPendMax)
            {
                be.NbPendMax = be.NbPend;
            }

            s.Logs.PrxQueueSize += be.NbPend;
        }

        be.TotPend++;
        p.QueuedAtUs = s.Loop.Clock.NowUs;
        s.PendPos = p;
        return p;
    }

    /// <summary>pendconn_free: unlinks the pending connection and updates the counters.</summary>
    public static void PendconnFree(PendingConnection p)
    {
        var s = p.Session;
        if (p.Server is { } srv)
        {
            srv.PendConns.Remove(p);
            srv.NbPend--;
        }
        else
        {
            s.Be.PendConns.Remove(p);
            s.Be.NbPend--;
        }

        s.Be.TotPend--;
        s.PendPos = null;
    }

    /// <summary>
    /// may_dequeue_tasks: a slot of <paramref name="srv"/> may go to a queued session: something waits for it
    /// (its queue, or the backend queue if it is usable) and its cur_sess is below the dynamic limit.
    /// </summary>
    public static bool MayDequeueTasks(Server? srv, Proxy be, long nowSeconds)
    {
        if (srv is null)
        {
            return false;
        }

        return (srv.NbPend > 0 || (be.NbPend > 0 && srv.IsUsable))
            && (srv.MaxConn == 0 || srv.CurSess < DynamicMaxconn.SrvDynamicMaxconn(srv, nowSeconds));
    }

    /// <summary>
    /// pendconn_get_next_sess: takes the next session for <paramref name="srv"/>: its own queue first in TCP (the
    /// backend queue wins only with a strictly older request date), the backend queue only when the server is
    /// usable. The session gets the server and its slot (served++).
    /// </summary>
    public static Session? PendconnGetNextSess(Server srv, Proxy be)
    {
        var ps = srv.PendConns.Head;
        var pp = be.PendConns.Head;
        var rsrv = srv.Tracked ?? srv;
        PendingConnection taken;
        if (pp is null || !rsrv.IsUsable)
        {
            if (ps is null)
            {
                return null;
            }

            taken = ps;
        }
        else if (ps is null || pp.Session.Logs.TvRequestUs < ps.Session.Logs.TvRequestUs)
        {
            taken = pp;
        }
        else
        {
            taken = ps;
        }

        var sess = taken.Session;
        PendconnFree(taken);
        sess.Flags |= SessionFlags.Assigned;
        sess.Srv = srv;
        sess.SrvConn = srv;
        srv.Served++;
        LbHooks.ServerTakeConn(srv);
        return sess;
    }

    /// <summary>
    /// process_srv_queue: while <paramref name="srv"/> serves fewer sessions than its dynamic limit, hands a slot to
    /// the next queued session and wakes it (TASK_WOKEN_RES).
    /// </summary>
    public static void ProcessSrvQueue(EngineLoop loop, Server srv)
    {
        var be = srv.Proxy;
        var max = DynamicMaxconn.SrvDynamicMaxconn(srv, loop.Clock.NowSeconds);
        while (srv.Served < max)
        {
            var sess = PendconnGetNextSess(srv, be);
            if (sess is null)
            {
                break;
            }

            if (loop.Trace.IsEnabled)
            {
                loop.Trace.Trace(sess.UniqId, $"dequeued to {be.Name}/{srv.Name}: served={srv.Served}/{max}");
            }

            loop.Scheduler.Wakeup(sess.Task, TaskWoken.Res);
        }
    }

    /// <summary>
    /// check_for_pending: when <paramref name="srv"/> comes up or warms up, moves up to its dynamic limit of sessions
    /// from the backend queue to it (unassigned: they re-run the load balancer). Returns how many moved.
    /// </summary>
    public static int CheckForPending(EngineLoop loop, Server srv)
    {
        if (srv.EWeight == 0)
        {
            return 0;
        }

        var be = srv.Proxy;
        var xferred = 0;
        var limit = srv.MaxConn == 0 ? int.MaxValue : DynamicMaxconn.SrvDynamicMaxconn(srv, loop.Clock.NowSeconds);
        while (xferred < limit)
        {
            var p = be.PendConns.Head;
            if (p is null)
            {
                break;
            }

            var sess = p.Session;
            sess.Srv = srv;
            PendconnFree(p);
            loop.Scheduler.Wakeup(sess.Task, TaskWoken.Res);
            xferred++;
        }

        return xferred;
    }
}
