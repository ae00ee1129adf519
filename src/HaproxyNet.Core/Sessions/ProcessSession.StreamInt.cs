using HaproxyNet.Core.Backend;
using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Queueing;
using HaproxyNet.Core.StreamInterfaces;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Sessions;

/// <summary>The pending server-side states: ASS connects, QUE waits, TAR turns around (1.4's sess_update_stream_int).</summary>
public static partial class ProcessSession
{
    /// <summary>sess_update_stream_int: ASS connects; QUE is dequeued, expires or aborts; TAR waits or retries.</summary>
    internal static void SessUpdateStreamInt(Session s, StreamInterface si)
    {
        var loop = s.Loop;
        switch (si.State)
        {
            case SiState.Ass:
                var err = ServerConnect.ConnectServer(s);
                if (err == ConnectError.None)
                {
                    if (s.Srv is { } srv)
                    {
                        srv.IncSessCounter(loop.Clock.NowUs);
                    }

                    return;
                }

                if (err == ConnectError.Internal)
                {
                    if (si.ErrType == SiErrType.None)
                    {
                        si.ErrType = SiErrType.ConnOther;
                    }

                    var isrv = s.Srv;
                    if (isrv is not null)
                    {
                        isrv.IncSessCounter(loop.Clock.NowUs);
                        isrv.FailedConns++;
                    }

                    s.Be.FailedConns++;
                    SessionServer.SessChangeServer(s, null);
                    if (ServerQueue.MayDequeueTasks(isrv, s.Be, loop.Clock.NowSeconds))
                    {
                        ServerQueue.ProcessSrvQueue(loop, isrv!);
                    }

                    si.ShutR();
                    si.ShutW();
                    si.Ob.Flags |= ChannelFlags.WriteError;
                    s.Logs.TQueue = Elapsed(s);
                    si.State = SiState.Clo;
                    DefaultSrvError(s, si);
                    return;
                }

                // Synchronous, retryable error: retry now, without turn-around.
                si.State = SiState.Cer;
                si.Flags &= ~SiFlags.Err;
                SessUpdateStCer(s, si);
                return;

            case SiState.Que:
                UpdateQueued(s, si);
                return;

            case SiState.Tar:
                if (IsAbort(s, si))
                {
                    si.Exp = Ticks.Eternity;
                    si.ShutR();
                    si.ShutW();
                    si.ErrType |= SiErrType.ConnAbrt;
                    si.State = SiState.Clo;
                    DefaultSrvError(s, si);
                    return;
                }

                if ((si.Flags & SiFlags.Exp) == 0)
                {
                    return;
                }

                si.Exp = Ticks.Eternity;
                si.State = s.Has(SessionFlags.Assigned) ? SiState.Ass : SiState.Req;
                return;
        }
    }

    private static void UpdateQueued(Session s, StreamInterface si)
    {
        if (s.PendPos is null)
        {
            si.Exp = Ticks.Eternity;
            if (!s.Has(SessionFlags.Assigned))
            {
                si.State = SiState.Req;
            }
            else
            {
                s.Logs.TQueue = Elapsed(s);
                si.State = SiState.Ass;
            }

            return;
        }

        if ((si.Flags & SiFlags.Exp) != 0)
        {
            si.Exp = Ticks.Eternity;
            s.Logs.TQueue = Elapsed(s);
            if (s.Srv is not null)
            {
                s.Srv.FailedConns++;
            }

            s.Be.FailedConns++;
            Trace(s, "queue timeout expired");
            si.ShutR();
            si.ShutW();
            si.Ob.Flags |= ChannelFlags.WriteTimeout;
            if (si.ErrType == SiErrType.None)
            {
                si.ErrType = SiErrType.QueueTo;
            }

            si.State = SiState.Clo;
            DefaultSrvError(s, si);
            return;
        }

        if (IsAbort(s, si))
        {
            si.Exp = Ticks.Eternity;
            s.Logs.TQueue = Elapsed(s);
            Trace(s, "client aborted while queued");
            si.ShutR();
            si.ShutW();
            si.ErrType |= SiErrType.QueueAbrt;
            si.State = SiState.Clo;
            DefaultSrvError(s, si);
        }
    }

    /// <summary>The client gave up: a read error, or a requested shutdown with nothing left to send (or abortonclose).</summary>
    private static bool IsAbort(Session s, StreamInterface si) =>
        (si.Ob.Flags & ChannelFlags.ReadError) != 0
        || ((si.Ob.Flags & ChannelFlags.ShutWNow) != 0 && (si.Ob.IsOutEmpty || s.Be.Has(ProxyOptions.AbortOnClose)));
}
