using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Queueing;
using HaproxyNet.Core.StreamInterfaces;
using HaproxyNet.Core.Tasks;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Sessions;

/// <summary>One run of a session task: timeouts, errors, connection setup, forwarding, shutdowns, end.</summary>
/// <remarks>
/// HAProxy 1.4 <c>process_session</c> (src/session.c), TCP path. HTTP analysers plug in through
/// <see cref="EngineLoop.RequestAnalysers"/>; the TCP frontend only runs the switching rules.
/// </remarks>
public static partial class ProcessSession
{
    private const ChannelFlags ErrorOrTimeout =
        ChannelFlags.ReadError | ChannelFlags.ReadTimeout | ChannelFlags.WriteError | ChannelFlags.WriteTimeout;

    /// <summary>BF_MASK_STATIC: flags whose change requires another analysis pass.</summary>
    private const ChannelFlags StaticMask = ChannelFlags.ShutR | ChannelFlags.ShutW | ChannelFlags.ShutRNow
        | ChannelFlags.ShutWNow | ChannelFlags.AutoClose | ChannelFlags.AutoConnect | ChannelFlags.ReadError
        | ChannelFlags.WriteError | ChannelFlags.ReadTimeout | ChannelFlags.WriteTimeout;

    /// <summary>Runs the session; returns false once it has ended and been freed.</summary>
    public static bool Run(Session s)
    {
        var loop = s.Loop;
        var now = loop.Clock.NowMs;
        var req = s.Req;
        var rep = s.Rep;
        if (s.StatsReply is not null)
        {
            Stats.StatsReply.Refill(s);
        }

        req.Flags &= ~ChannelFlags.ReadNoExp;
        var rqfLast = req.Flags;
        var rpfLast = rep.Flags;
        s.Si0.Flags |= SiFlags.DontWake;
        s.Si1.Flags |= SiFlags.DontWake;

        if ((s.Task.Woken & TaskWoken.Timer) != 0)
        {
            CheckTimeouts(s, now);
        }

        // Low-level socket errors in established states.
        if ((s.Si0.Flags & SiFlags.Err) != 0 && s.Si0.State is SiState.Est or SiState.Dis)
        {
            s.Si0.ShutR();
            s.Si0.ShutW();
            ReportError(s.Si0);
            if (req.Analysers == 0)
            {
                Stats.StatsCounters.CliAbort(s);
                s.SetErrIfNone(SessionError.CliCl);
                s.SetFinIfNone(SessionFinState.D);
            }
        }

        if ((s.Si1.Flags & SiFlags.Err) != 0 && s.Si1.State is SiState.Est or SiState.Dis)
        {
            s.Si1.ShutR();
            s.Si1.ShutW();
            ReportError(s.Si1);
            Stats.StatsCounters.SrvAbort(s);
            if (rep.Analysers == 0)
            {
                s.SetErrIfNone(SessionError.SrvCl);
                s.SetFinIfNone(SessionFinState.D);
            }
        }

        if (s.Si1.State == SiState.Con)
        {
            if (!SessUpdateStConTcp(s, s.Si1))
            {
                SessUpdateStCer(s, s.Si1);
            }
            else if (s.Si1.State == SiState.Est)
            {
                SessEstablish(s, s.Si1);
            }
        }

        for (var guard = 0; guard < 64; guard++)
        {
            ResyncStreamInterfaces(s);
            RunRequestAnalysers(s, rqfLast);
            rqfLast = req.Flags;
            var reqAnaBefore = req.Analysers;
            RunResponseAnalysers(s, rpfLast);
            if (req.Analysers != reqAnaBefore && req.Analysers != 0)
            {
                // A response analyser ended the transaction and re-armed the request side (keep-alive).
                continue;
            }

            PropagateErrors(s);
            ForwardRequest(s);
            ShutdownPropagation(req);
            StartConnection(s);
            ConnectionSetup(s);

            if (s.Si0.State == SiState.Dis || s.Si1.State == SiState.Dis)
            {
                continue;
            }

            if (((req.Flags ^ rqfLast) & StaticMask) != 0)
            {
                continue;
            }

            ForwardResponse(s);
            rpfLast = rep.Flags;
            ShutdownPropagation(rep);

            if (s.Si0.State == SiState.Dis || s.Si1.State == SiState.Dis || req.Flags != rqfLast
                || ((rep.Flags ^ rpfLast) & StaticMask) != 0)
            {
                continue;
            }

            break;
        }

        Stats.StatsCounters.ProcessSessionCounters(s);
        if (loop.DebugOutput is { } debug)
        {
            DebugTrace.Closes(debug, s);
        }

        if (s.Si0.State != SiState.Clo || (s.Si1.State > SiState.Ini && s.Si1.State < SiState.Clo))
        {
            FinishRun(s);
            return true;
        }

        EndSession(s);
        return false;
    }

    /// <summary>Timer wake-up: interface timers and buffer timeouts; a timeout shuts the matching side at once.</summary>
    private static void CheckTimeouts(Session s, int now)
    {
        s.Si0.CheckTimeouts(now);
        s.Si1.CheckTimeouts(now);
        var before = (s.Req.Flags, s.Rep.Flags);
        CheckBufferTimeouts(s.Req, now);
        CheckBufferTimeouts(s.Rep, now);
        if (s.Loop.Trace.IsEnabled)
        {
            TraceTimeout(s, before.Item1, s.Req.Flags, "client read (timeout client)", "server write (timeout server)");
            TraceTimeout(s, before.Item2, s.Rep.Flags, "server read (timeout server)", "client write (timeout client)");
        }
    }

    private static void TraceTimeout(Session s, ChannelFlags before, ChannelFlags after, string read, string write)
    {
        var raised = after & ~before;
        if ((raised & ChannelFlags.ReadTimeout) != 0)
        {
            s.Loop.Trace.Trace(s.UniqId, "timeout expired: " + read);
        }

        if ((raised & ChannelFlags.WriteTimeout) != 0)
        {
            s.Loop.Trace.Trace(s.UniqId, "timeout expired: " + write);
        }
    }

    private static void CheckBufferTimeouts(Channel b, int now)
    {
        b.CheckTimeouts(now);
        if ((b.Flags & (ChannelFlags.ShutW | ChannelFlags.WriteTimeout)) == ChannelFlags.WriteTimeout && b.Consumer is { } cons)
        {
            cons.Flags |= SiFlags.NoLinger;
            cons.ShutW();
        }

        if ((b.Flags & (ChannelFlags.ShutR | ChannelFlags.ReadTimeout)) == ChannelFlags.ReadTimeout)
        {
            b.Producer?.ShutR();
        }
    }

    /// <summary>stream_int_report_error: the input gets READ_ERROR, the output WRITE_ERROR.</summary>
    private static void ReportError(StreamInterface si)
    {
        if (si.ErrType == SiErrType.None)
        {
            si.ErrType = SiErrType.DataErr;
        }

        si.Ob.Flags |= ChannelFlags.WriteError;
        si.Ib.Flags |= ChannelFlags.ReadError;
    }

    /// <summary>DIS to CLO on both sides; the server side releases its connection and its slot, waking the queue.</summary>
    private static void ResyncStreamInterfaces(Session s)
    {
        if (s.Si0.State == SiState.Dis)
        {
            s.Si0.State = SiState.Clo;
        }

        if (s.Si1.State == SiState.Dis)
        {
            s.Si1.State = SiState.Clo;
            var srv = s.Srv;
            if (srv is not null)
            {
                if (s.Has(SessionFlags.CurrSess))
                {
                    s.Flags &= ~SessionFlags.CurrSess;
                    srv.CurSess--;
                }

                SessionServer.SessChangeServer(s, null);
                if (ServerQueue.MayDequeueTasks(srv, s.Be, s.Loop.Clock.NowSeconds))
                {
                    ServerQueue.ProcessSrvQueue(s.Loop, srv);
                }
            }
        }
    }

    /// <summary>Runs the request analysers in bit order while they make progress.</summary>
    private static void RunRequestAnalysers(Session s, ChannelFlags rqfLast)
    {
        var req = s.Req;
        if (req.Analysers == 0 || s.Si0.State < SiState.Est)
        {
            return;
        }

        if ((req.Flags & (ChannelFlags.ReadAttached | ChannelFlags.ReadActivity | ChannelFlags.WriteActivity | ErrorOrTimeout | ChannelFlags.AnaTimeout)) == 0
            && ((req.Flags ^ rqfLast) & StaticMask) == 0 && (s.Task.Woken & (TaskWoken.Init | TaskWoken.Msg)) == 0)
        {
            return;
        }

        // The analysers disable what they do not want (connect, close, read) on every pass (1.4's resync_request).
        req.Flags = (req.Flags & ~ChannelFlags.DontRead) | ChannelFlags.AutoConnect | ChannelFlags.AutoClose;
        for (var bit = 0; bit < Analysers.RequestBitCount && req.Analysers != 0; bit++)
        {
            var an = 1 << bit;
            if ((req.Analysers & an) == 0)
            {
                continue;
            }

            var before = req.Analysers;
            var ok = an == Analysers.ReqSwitchingRules
                ? ProcessSwitchingRules(s, req, an)
                : s.Loop.RequestAnalysers[bit] is { } a ? a.Analyse(s, req, an) : SkipAnalyser(req, an);
            if (!ok)
            {
                break;
            }

            // UPDATE_ANALYSERS: an analyser enabled a lower one (an HTTP backend behind a TCP frontend): restart.
            if ((req.Analysers & ~before & (an - 1)) != 0)
            {
                bit = -1;
            }
        }
    }

    /// <summary>Runs the response analysers in bit order while they make progress (resync_response).</summary>
    private static void RunResponseAnalysers(Session s, ChannelFlags rpfLast)
    {
        var rep = s.Rep;
        if (rep.Analysers == 0 || s.Si1.State < SiState.Est)
        {
            return;
        }

        if ((rep.Flags & (ChannelFlags.ReadAttached | ChannelFlags.ReadActivity | ChannelFlags.WriteActivity | ErrorOrTimeout | ChannelFlags.AnaTimeout)) == 0
            && ((rep.Flags ^ rpfLast) & StaticMask) == 0 && (s.Task.Woken & (TaskWoken.Init | TaskWoken.Msg)) == 0)
        {
            return;
        }

        rep.Flags = (rep.Flags & ~ChannelFlags.DontRead) | ChannelFlags.AutoClose;
        for (var bit = 0; bit < Analysers.ResponseBitCount && rep.Analysers != 0; bit++)
        {
            var an = 1 << bit;
            if ((rep.Analysers & an) == 0)
            {
                continue;
            }

            var before = rep.Analysers;
            var ok = s.Loop.ResponseAnalysers[bit] is { } a ? a.Analyse(s, rep, an) : SkipAnalyser(rep, an);
            if (!ok)
            {
                break;
            }

            if ((rep.Analysers & ~before & (an - 1)) != 0)
            {
                bit = -1;
            }
        }
    }

    private static bool SkipAnalyser(Channel req, int an)
    {
        req.Analysers &= ~an;
        return true;
    }

    /// <summary>
    /// process_switching_rules: the first <c>use_backend</c> whose condition holds, else default_backend, else the
    /// proxy itself; an HTTP backend adds its analysers.
    /// </summary>
    private static bool ProcessSwitchingRules(Session s, Channel req, int an)
    {
        if (!s.Has(SessionFlags.BeAssigned))
        {
            var target = s.Fe.DefaultBackend ?? s.Fe;
            var rules = s.Fe.SwitchingRules;
            if (rules.Count > 0)
            {
                var evaluator = new Acl.SessionAclEvaluator(s, partial: false);
                for (var i = 0; i < rules.Count; i++)
                {
                    var cond = rules[i].Condition;
                    var ret = cond.Execute(ref evaluator);
                    if ((ret == HaproxyNet.Config.Acl.AclMatchResult.Pass) != (cond.Polarity == HaproxyNet.Config.Acl.AclConditionPolarity.Unless))
                    {
                        target = rules[i].Backend;
                        break;
                    }
                }
            }

            SessionServer.SessionSetBackend(s, target);
            Http.HttpAnalysers.SetBackend(s, target);
        }

        if (s.Be == s.Fe)
        {
            req.Analysers &= ~Analysers.ReqHttpProcessBe;
        }

        Http.Persistence.HttpPersistence.ApplyPersistRules(s);
        req.Analysers &= ~an;
        req.AnalyseExp = Ticks.Eternity;
        return true;
    }
}
