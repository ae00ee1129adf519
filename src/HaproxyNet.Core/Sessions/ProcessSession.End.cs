using HaproxyNet.Core.Logging;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Queueing;
using HaproxyNet.Core.StreamInterfaces;

namespace HaproxyNet.Core.Sessions;

/// <summary>Session end: counters, final log, release (1.4's process_session tail and <c>session_free</c>).</summary>
public static partial class ProcessSession
{
    /// <summary>
    /// Step 16: the counters drop first (so the log shows the others), the listener resumes if it was FULL, the
    /// <c>-d</c> "closed" line is printed, t_close is stamped, the final log is sent when due, then the session is freed.
    /// </summary>
    private static void EndSession(Session s)
    {
        var loop = s.Loop;
        Stats.StatsCounters.ProcessSessionCounters(s);
        s.Fe.FeConn--;
        if (s.Has(SessionFlags.BeAssigned))
        {
            s.Be.BeConn--;
        }

        loop.ActConn--;
        var l = s.Listener;
        l.NbConn--;
        if (l.State == ListenerState.Full && l.NbConn < l.MaxConn)
        {
            l.EnablePolling(true);
            l.State = ListenerState.Ready;
        }

        if (loop.DebugOutput is { } debug)
        {
            DebugTrace.Closed(debug, s);
        }

        s.Logs.TClose = Elapsed(s);
        if (s.Txn is { } txn)
        {
            Http.HttpEndTxn.CountStatus(s, txn);
        }

        s.Logs.BytesIn = s.Req.Total;
        s.Logs.BytesOut = s.Rep.Total;

        if (loop.Trace.IsEnabled)
        {
            loop.Trace.Trace(s.UniqId, $"close: {TcpLogFormatter.ErrChar(s.Err)}{TcpLogFormatter.FinChar(s.Fin)} t_close={s.Logs.TClose} bytes_in={s.Logs.BytesIn} bytes_out={s.Logs.BytesOut}");
        }

        if (s.Logs.LogWait != LogWait.None && !s.Has(SessionFlags.Monitor)
            && (!s.Fe.Has(ProxyOptions.DontLogNull) || s.Req.Total > 0))
        {
            DoLog(s);
        }

        SessionFree(s);
        loop.UnlinkSession(s);
        loop.Scheduler.Delete(s.Task);
    }

    /// <summary>session_free: leaves any queue, drops the server connection count and slot, wakes the server queue.</summary>
    private static void SessionFree(Session s)
    {
        if (s.PendPos is { } p)
        {
            ServerQueue.PendconnFree(p);
        }

        if (s.Srv is { } srv)
        {
            if (s.Has(SessionFlags.CurrSess))
            {
                s.Flags &= ~SessionFlags.CurrSess;
                srv.CurSess--;
            }

            if (ServerQueue.MayDequeueTasks(srv, s.Be, s.Loop.Clock.NowSeconds))
            {
                ServerQueue.ProcessSrvQueue(s.Loop, srv);
            }
        }

        if (s.SrvConn is not null)
        {
            SessionServer.SessChangeServer(s, null);
        }

        s.Si0.CloseSocket();
        s.Si1.CloseSocket();
        s.Req.Discard(s.Loop);
        s.Rep.Discard(s.Loop);
        Http.HttpAnalysers.Release(s);
    }

    /// <summary>The session log line if the frontend has loggers; afterwards nothing more is awaited (logwait = 0).</summary>
    internal static void DoLog(Session s)
    {
        if (s.Fe.Logs.Count > 0)
        {
            if (s.Txn is not null && s.Fe.Has(ProxyOptions.HttpLog))
            {
                Http.HttpLogFormatter.HttpSessLog(s);
            }
            else
            {
                TcpLogFormatter.TcpSessLog(s);
            }
        }

        s.Logs.LogWait = LogWait.None;
    }

    /// <summary>default_srv_error: maps the server-side error type to the termination flags (first writer wins).</summary>
    internal static void DefaultSrvError(Session s, StreamInterface si)
    {
        if (s.Txn is not null && s.Be.Mode == ProxyMode.Http)
        {
            Http.HttpReplies.ReturnSrvError(s, si);
            return;
        }

        var t = si.ErrType;
        SessionError err;
        SessionFinState fin;
        if ((t & SiErrType.QueueAbrt) != 0)
        {
            (err, fin) = (SessionError.CliCl, SessionFinState.Q);
        }
        else if ((t & SiErrType.ConnAbrt) != 0)
        {
            (err, fin) = (SessionError.CliCl, SessionFinState.C);
        }
        else if ((t & SiErrType.QueueTo) != 0)
        {
            (err, fin) = (SessionError.SrvTo, SessionFinState.Q);
        }
        else if ((t & SiErrType.QueueErr) != 0)
        {
            (err, fin) = (SessionError.SrvCl, SessionFinState.Q);
        }
        else if ((t & SiErrType.ConnTo) != 0)
        {
            (err, fin) = (SessionError.SrvTo, SessionFinState.C);
        }
        else if ((t & SiErrType.ConnErr) != 0)
        {
            (err, fin) = (SessionError.SrvCl, SessionFinState.C);
        }
        else
        {
            (err, fin) = (SessionError.Internal, SessionFinState.C);
        }

        s.SetErrIfNone(err);
        s.SetFinIfNone(fin);
    }

    /// <summary>sess_set_term_flags: the state letter from where the server side stands.</summary>
    internal static void SessSetTermFlags(Session s)
    {
        if (s.Fin != SessionFinState.None)
        {
            return;
        }

        var st = s.Si1.State;
        if (st < SiState.Req)
        {
            s.Fin = SessionFinState.R;
        }
        else if (st == SiState.Que)
        {
            s.Fin = SessionFinState.Q;
        }
        else if (st < SiState.Est)
        {
            s.Fin = SessionFinState.C;
        }
        else if (st == SiState.Est || s.Si1.PrevState == SiState.Est)
        {
            s.Fin = SessionFinState.D;
        }
        else
        {
            s.Fin = SessionFinState.L;
        }
    }
}
