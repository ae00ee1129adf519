using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Queueing;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.StreamInterfaces;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Http;

/// <summary>
/// http_end_txn_clean_session (ENGINE.md §13): the server-close end of a transaction. The server connection is
/// closed (no linger), the transaction is logged with beconn already released and the server still counted,
/// then the session starts over as if just accepted, keeping the client connection and any bytes of the next
/// request.
/// </summary>
public static class HttpEndTxn
{
    /// <summary>Ends this transaction and prepares the next one.</summary>
    public static void CleanSession(Session s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var loop = s.Loop;
        var txn = s.Txn!;
        var req = s.Req;
        var rep = s.Rep;
        var si1 = s.Si1;

        si1.Flags |= SiFlags.NoLinger;
        si1.ShutR();
        si1.ShutW();

        if (s.Has(SessionFlags.BeAssigned))
        {
            s.Be.BeConn--;
        }

        s.Logs.TClose = ProcessSession.Elapsed(s);
        CountStatus(s, txn);
        s.Logs.BytesIn = req.Total - (req.Length - req.SendMax);
        s.Logs.BytesOut = rep.Total - (rep.Length - rep.SendMax);
        if (s.Logs.LogWait != LogWait.None && !s.Has(SessionFlags.Monitor)
            && (!s.Fe.Has(ProxyOptions.DontLogNull) || req.Total > 0))
        {
            ProcessSession.DoLog(s);
        }

        s.Logs.AcceptDateUs = loop.Clock.DateUs;
        s.Logs.TvAcceptUs = loop.Clock.NowUs;
        s.Logs.TvRequestUs = 0;
        s.Logs.TQueue = -1;
        s.Logs.TConnect = -1;
        s.Logs.TData = -1;
        s.Logs.TClose = 0;
        s.Logs.PrxQueueSize = 0;
        s.Logs.SrvQueueSize = 0;
        req.Total = req.Length - req.SendMax;
        rep.Total = rep.Length - rep.SendMax;
        s.Logs.BytesIn = req.Total;
        s.Logs.BytesOut = rep.Total;

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

            if (ServerQueue.MayDequeueTasks(srv, s.Be, loop.Clock.NowSeconds))
            {
                ServerQueue.ProcessSrvQueue(loop, srv);
            }
        }

        if (s.SrvConn is not null)
        {
            SessionServer.SessChangeServer(s, null);
        }

        s.Srv = null;
        s.PrevSrv = null;
        si1.CloseSocket();
        si1.State = SiState.Ini;
        si1.PrevState = SiState.Ini;
        si1.ErrType = SiErrType.None;
        si1.Exp = Ticks.Eternity;
        si1.Flags = SiFlags.None;
        req.Flags &= ~(ChannelFlags.ShutW | ChannelFlags.ShutWNow | ChannelFlags.AutoConnect | ChannelFlags.WriteError);
        rep.Flags &= ~(ChannelFlags.ShutR | ChannelFlags.ShutRNow | ChannelFlags.ReadAttached | ChannelFlags.ReadError
            | ChannelFlags.ReadNoExp | ChannelFlags.WritePartial);
        s.Flags &= ~(SessionFlags.Direct | SessionFlags.Assigned | SessionFlags.AddrSet | SessionFlags.BeAssigned
            | SessionFlags.ForcePrst | SessionFlags.IgnorePrst | SessionFlags.CurrSess | SessionFlags.Redirectable | SessionFlags.Redisp);

        // The next request names its own destination (option http_proxy): a relative one has none, as in 1.4.25.
        s.SrvAddress = null;

        // http_reset_txn: back to the frontend.
        s.Be = s.Fe;

        // The termination flags (SN_ERR_*/SN_FINST_*) are not cleared by 1.4.25: after a keep-alive redirect the
        // next transactions of the connection still log "PR" (golden rules-redirects).
        s.Logs.LogWait = EventAccept.ToLog(s.Fe);
        s.ConnRetries = s.Fe.ConnRetries;
        req.Rto = s.Fe.Timeouts.Client;
        req.Wto = s.Fe.Timeouts.Server;
        rep.Rto = s.Fe.Timeouts.Server;
        rep.Wto = s.Fe.Timeouts.Client;
        req.Rex = Ticks.Eternity;
        req.Wex = Ticks.Eternity;
        req.AnalyseExp = Ticks.Eternity;
        rep.Rex = Ticks.Eternity;
        rep.Wex = Ticks.Eternity;
        rep.AnalyseExp = Ticks.Eternity;
        if (s.Fe.Has(ProxyOptions.IndependantStreams))
        {
            si1.Flags |= SiFlags.IndepStr;
        }

        req.StopForwarding();
        rep.StopForwarding();
        txn.Flags = HttpTxnFlags.NotFirst | HttpTxnFlags.WaitNextRq;
        txn.Init(s.Fe, req, rep);
        req.Flags = (req.Flags & ~ChannelFlags.DontRead) | ChannelFlags.AutoClose | ChannelFlags.ReadAttached;
        rep.Flags = (rep.Flags & ~ChannelFlags.DontRead) | ChannelFlags.AutoClose;
        req.ReadLimit = req.Size - loop.Global.MaxRewrite;
        rep.ReadLimit = rep.Size - loop.Global.MaxRewrite;
        req.Analysers = HttpAnalysers.FrontendRequest | Sessions.Analysers.ReqSwitchingRules
            | (s.Fe.NeedsInspect ? Sessions.Analysers.ReqInspect : 0);
        rep.Analysers = 0;
    }

    /// <summary>Per-status counters of the frontend and of the backend (1.4's fe and be http.rsp[]).</summary>
    internal static void CountStatus(Session s, HttpTxn txn)
    {
        if (txn.Status <= 0)
        {
            return;
        }

        var cls = txn.Status / 100;
        var i = cls is >= 1 and <= 5 ? cls - 1 : 5;
        s.Fe.HttpRsp[i]++;
        if (s.Has(SessionFlags.BeAssigned))
        {
            s.Be.BeHttpRsp[i]++; // the backend's own counters, also in a listen section (1.4's be counters)
        }
    }
}
