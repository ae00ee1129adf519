using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.StreamInterfaces;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Sessions;

/// <summary>process_session steps 8 to 15: errors, forwarding, shutdown propagation, connection start, timers.</summary>
public static partial class ProcessSession
{
    /// <summary>Step 8: the first buffer error or timeout becomes the termination cause.</summary>
    private static void PropagateErrors(Session s)
    {
        var req = s.Req;
        var rep = s.Rep;
        if ((req.Flags & ErrorOrTimeout) != 0)
        {
            req.Analysers = 0;
            if (s.Err != SessionError.None)
            {
                return;
            }

            if ((req.Flags & ChannelFlags.ReadError) != 0)
            {
                Stats.StatsCounters.CliAbort(s);
                s.Err = SessionError.CliCl;
            }
            else if ((req.Flags & ChannelFlags.ReadTimeout) != 0)
            {
                s.Err = SessionError.CliTo;
            }
            else if ((req.Flags & ChannelFlags.WriteError) != 0)
            {
                Stats.StatsCounters.SrvAbort(s);
                s.Err = SessionError.SrvCl;
            }
            else
            {
                s.Err = SessionError.SrvTo;
            }

            SessSetTermFlags(s);
        }
        else if ((rep.Flags & ErrorOrTimeout) != 0)
        {
            rep.Analysers = 0;
            if (s.Err != SessionError.None)
            {
                return;
            }

            if ((rep.Flags & ChannelFlags.ReadError) != 0)
            {
                Stats.StatsCounters.SrvAbort(s);
                s.Err = SessionError.SrvCl;
            }
            else if ((rep.Flags & ChannelFlags.ReadTimeout) != 0)
            {
                s.Err = SessionError.SrvTo;
            }
            else if ((rep.Flags & ChannelFlags.WriteError) != 0)
            {
                Stats.StatsCounters.CliAbort(s);
                s.Err = SessionError.CliCl;
            }
            else
            {
                s.Err = SessionError.CliTo;
            }

            SessSetTermFlags(s);
        }
    }

    /// <summary>Step 9: a request buffer without analyser forwards freely: auto-connect and auto-close.</summary>
    private static void ForwardRequest(Session s)
    {
        var req = s.Req;
        if (req.Analysers == 0 && (req.Flags & (ChannelFlags.ShutW | ChannelFlags.ShutWNow)) == 0 && s.Si0.State >= SiState.Est)
        {
            req.Flags = (req.Flags & ~ChannelFlags.DontRead) | ChannelFlags.AutoConnect | ChannelFlags.AutoClose;
            req.Forwarding = true;
        }
    }

    /// <summary>Step 14: same for the response once the server side is established (or closed).</summary>
    private static void ForwardResponse(Session s)
    {
        var rep = s.Rep;
        if (rep.Analysers == 0 && (rep.Flags & (ChannelFlags.ShutW | ChannelFlags.ShutWNow)) == 0 && s.Si1.State >= SiState.Est)
        {
            rep.Flags = (rep.Flags & ~ChannelFlags.DontRead) | ChannelFlags.AutoClose;
            rep.Forwarding = true;
        }
    }

    /// <summary>Steps 10/14: read shutdown becomes write shutdown once drained, and the reverse for the producer.</summary>
    private static void ShutdownPropagation(Channel b)
    {
        if ((b.Flags & (ChannelFlags.ShutW | ChannelFlags.ShutWNow | ChannelFlags.AutoClose | ChannelFlags.ShutR))
            == (ChannelFlags.AutoClose | ChannelFlags.ShutR))
        {
            b.ShutWNow();
        }

        // A consumer still being connected (REQ..CON) handles the abort itself (QUEUE_ABRT, CONN_ABRT).
        if ((b.Flags & (ChannelFlags.ShutW | ChannelFlags.ShutWNow)) == ChannelFlags.ShutWNow && b.IsOutEmpty
            && b.Consumer is { } cons && (cons.State == SiState.Ini || cons.State >= SiState.Est))
        {
            cons.ShutW();
        }

        if ((b.Flags & (ChannelFlags.ShutW | ChannelFlags.ShutR | ChannelFlags.ShutRNow)) == ChannelFlags.ShutW && b.Analysers == 0)
        {
            b.ShutRNow();
        }

        if ((b.Flags & (ChannelFlags.ShutR | ChannelFlags.ShutRNow)) == ChannelFlags.ShutRNow)
        {
            b.Producer?.ShutR();
        }
    }

    /// <summary>Step 11: INI becomes REQ when the request may connect, or CLO when the client already left.</summary>
    private static void StartConnection(Session s)
    {
        var req = s.Req;
        if (s.Si1.State != SiState.Ini)
        {
            return;
        }

        if ((req.Flags & ChannelFlags.ShutW) == 0)
        {
            // Bytes held by an analyser (tcp-request inspection) are not "to send": they do not connect.
            if ((req.Flags & ChannelFlags.AutoConnect) != 0 || !req.IsOutEmpty)
            {
                s.Si1.State = SiState.Req;
            }
        }
        else
        {
            s.Si1.State = SiState.Clo;
            req.ShutWNow();
            s.Rep.ShutRNow();
        }
    }

    /// <summary>Step 12: resolve REQ/QUE/TAR/ASS until the state is no longer ASS, then http-send-name-header.</summary>
    private static void ConnectionSetup(Session s)
    {
        var si = s.Si1;
        if (si.State < SiState.Req || si.State >= SiState.Con)
        {
            return;
        }

        do
        {
            if (si.State != SiState.Req)
            {
                SessUpdateStreamInt(s, si);
            }

            if (si.State == SiState.Req)
            {
                SessPrepareConnReq(s, si);
            }

            Http.Persistence.ServerRedirect.TryPerform(s, si);
        }
        while (si.State == SiState.Ass);

        // Now the server is known: name it in the request (1.4: right after the loop, whatever state it left).
        Http.HttpSendNameHeader.Apply(s);
    }

    /// <summary>Step 15: the session goes on: update polling, clear one-shot flags, compute the task expiry.</summary>
    private static void FinishRun(Session s)
    {
        var req = s.Req;
        var rep = s.Rep;
        if (s.Si0.State == SiState.Est)
        {
            s.Si0.DataFinish();
        }

        if (s.Si1.State == SiState.Est)
        {
            s.Si1.DataFinish();
        }

        req.Flags &= ~ChannelFlags.OneShot;
        rep.Flags &= ~ChannelFlags.OneShot;
        s.Si0.PrevState = s.Si0.State;
        s.Si1.PrevState = s.Si1.State;
        s.Si0.Flags &= ~(SiFlags.Err | SiFlags.Exp);
        s.Si1.Flags &= ~(SiFlags.Err | SiFlags.Exp);

        // While a response is awaited and a server timer runs, the server timeout decides, not the client's.
        if ((rep.Flags & (ChannelFlags.AutoClose | ChannelFlags.ShutR)) == 0 && (Ticks.IsSet(req.Wex) || Ticks.IsSet(rep.Rex)))
        {
            req.Flags |= ChannelFlags.ReadNoExp;
            req.Rex = Ticks.Eternity;
        }

        var exp = Ticks.First(Ticks.First(req.Rex, req.Wex), Ticks.First(rep.Rex, rep.Wex));
        if (req.Analysers != 0)
        {
            exp = Ticks.First(exp, req.AnalyseExp);
        }

        exp = Ticks.First(exp, s.Si0.Exp);
        exp = Ticks.First(exp, s.Si1.Exp);
        s.Task.Expire = exp;
        s.Si0.Flags &= ~SiFlags.DontWake;
        s.Si1.Flags &= ~SiFlags.DontWake;
    }
}
