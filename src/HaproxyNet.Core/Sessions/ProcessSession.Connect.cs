using HaproxyNet.Core.Backend;
using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Checks;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Queueing;
using HaproxyNet.Core.StreamInterfaces;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Sessions;

/// <summary>The server-side state machine: REQ, QUE, TAR, ASS, CON, CER (1.4's src/session.c helpers).</summary>
public static partial class ProcessSession
{
    /// <summary>Connection turn-around after an asynchronous connect error.</summary>
    public const int TurnAroundMs = 1000;

    /// <summary>
    /// sess_update_st_con_tcp: CON becomes CER on error or connect timeout (returns false), DIS on client abort,
    /// EST on write activity (t_connect stamped), else stays CON.
    /// </summary>
    internal static bool SessUpdateStConTcp(Session s, StreamInterface si)
    {
        var req = si.Ob;
        var rep = si.Ib;
        if ((si.Flags & (SiFlags.Exp | SiFlags.Err)) != 0)
        {
            si.Exp = Ticks.Eternity;
            si.State = SiState.Cer;
            si.CloseSocket();
            if (si.ErrType != SiErrType.None)
            {
                return false;
            }

            si.ErrType = (si.Flags & SiFlags.Err) != 0 ? SiErrType.ConnErr : SiErrType.ConnTo;
            Trace(s, si.ErrType == SiErrType.ConnErr ? "connect error" : "connect timeout expired");
            return false;
        }

        if ((rep.Flags & ChannelFlags.ShutW) != 0
            || ((req.Flags & ChannelFlags.ShutWNow) != 0
                && ((req.IsOutEmpty && (req.Flags & ChannelFlags.WriteActivity) == 0) || s.Be.Has(ProxyOptions.AbortOnClose))))
        {
            si.ShutW();
            si.ErrType |= SiErrType.ConnAbrt;
            DefaultSrvError(s, si);
            return true;
        }

        if ((req.Flags & ChannelFlags.WriteActivity) == 0)
        {
            return true;
        }

        s.Logs.TConnect = Elapsed(s);
        si.Exp = Ticks.Eternity;
        si.State = SiState.Est;
        si.ErrType = SiErrType.None;
        return true;
    }

    /// <summary>
    /// sess_update_st_cer: after a failed attempt, give up when retries are exhausted, redispatch on the last retry
    /// (option redispatch), else retry the same server; asynchronous errors wait 1 s in TAR first.
    /// </summary>
    internal static void SessUpdateStCer(Session s, StreamInterface si)
    {
        var loop = s.Loop;
        var srv = s.Srv;
        if (srv is not null)
        {
            HealthAdjust.Report(loop, srv, AnalyzeStatus.L4Error);
        }

        if (srv is not null && s.Has(SessionFlags.CurrSess))
        {
            s.Flags &= ~SessionFlags.CurrSess;
            srv.CurSess--;
        }

        s.ConnRetries--;
        if (s.ConnRetries < 0)
        {
            if (si.ErrType == SiErrType.None)
            {
                si.ErrType = SiErrType.ConnErr;
            }

            if (srv is not null)
            {
                srv.FailedConns++;
            }

            s.Be.FailedConns++;
            SessionServer.SessChangeServer(s, null);
            if (ServerQueue.MayDequeueTasks(srv, s.Be, loop.Clock.NowSeconds))
            {
                ServerQueue.ProcessSrvQueue(loop, srv!);
            }

            si.ShutW();
            si.Ob.Flags |= ChannelFlags.WriteError;
            si.Ib.Flags |= ChannelFlags.ReadError;
            si.State = SiState.Clo;
            Trace(s, "retries exhausted, giving up");
            DefaultSrvError(s, si);
            return;
        }

        if (srv is not null && s.ConnRetries == 0 && s.Be.Has(ProxyOptions.Redispatch) && !s.Has(SessionFlags.ForcePrst))
        {
            SessionServer.SessChangeServer(s, null);
            if (ServerQueue.MayDequeueTasks(srv, s.Be, loop.Clock.NowSeconds))
            {
                ServerQueue.ProcessSrvQueue(loop, srv);
            }

            s.Flags &= ~(SessionFlags.Direct | SessionFlags.Assigned | SessionFlags.AddrSet);
            s.PrevSrv = srv;
            si.State = SiState.Req;
            Trace(s, "last retry: redispatch requested");
        }
        else
        {
            if (srv is not null)
            {
                srv.Retries++;
            }

            s.Be.Retries++;
            si.State = SiState.Ass;
            Trace(s, "retry on the same server");
        }

        if ((si.Flags & SiFlags.Err) != 0)
        {
            if (si.ErrType == SiErrType.None)
            {
                si.ErrType = SiErrType.ConnErr;
            }

            si.State = SiState.Tar;
            si.Exp = Ticks.Add(loop.Clock.NowMs, TurnAroundMs);
            Trace(s, "turn-around 1000 ms before retrying");
        }
    }

    /// <summary>
    /// sess_establish: the server connection is up; TCP with logasap logs now (t_close = t_connect).
    /// </summary>
    internal static void SessEstablish(Session s, StreamInterface si)
    {
        Trace(s, "connection established");
        if (s.Srv is { } srv)
        {
            HealthAdjust.Report(s.Loop, srv, AnalyzeStatus.L4Ok);
        }

        if (s.Be.Mode == ProxyMode.Tcp && s.Fe.Logs.Count > 0 && EventAccept.ToLog(s.Fe) != LogWait.None
            && (s.Logs.LogWait & LogWait.Bytes) == 0)
        {
            s.Logs.TClose = s.Logs.TConnect;
            DoLog(s);
        }

        Stick.StickingRules.StoreAtEstablish(s); // process_store_rules
        Http.HttpAnalysers.Establish(s);
        si.Ib.Flags |= ChannelFlags.ReadAttached;
        si.Ob.Wex = Ticks.Eternity;
    }

    /// <summary>sess_prepare_conn_req: REQ becomes ASS (t_queue stamped), QUE, or CLO with the error recorded.</summary>
    internal static void SessPrepareConnReq(Session s, StreamInterface si)
    {
        if (si.State != SiState.Req)
        {
            return;
        }

        if (ServerAssignment.SrvRedispatchConnect(s) != 0)
        {
            if (si.State == SiState.Que)
            {
                return;
            }

            si.ShutR();
            si.ShutW();
            si.Ob.Flags |= ChannelFlags.WriteError;
            if (si.ErrType == SiErrType.None)
            {
                si.ErrType = SiErrType.ConnOther;
            }

            si.State = SiState.Clo;
            DefaultSrvError(s, si);
            return;
        }

        s.Logs.TQueue = Elapsed(s);
        si.State = SiState.Ass;
    }

    /// <summary>Milliseconds since tv_accept, with 1.4's truncation rule.</summary>
    internal static long Elapsed(Session s) => Time.EngineClock.MsElapsed(s.Logs.TvAcceptUs, s.Loop.Clock.NowUs);

    private static void Trace(Session s, string message)
    {
        if (s.Loop.Trace.IsEnabled)
        {
            s.Loop.Trace.Trace(s.UniqId, message);
        }
    }
}
