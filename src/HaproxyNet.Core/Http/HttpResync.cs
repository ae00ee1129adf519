using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Http.Parsing;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.StreamInterfaces;

namespace HaproxyNet.Core.Http;

/// <summary>
/// End of a transaction (1.4's <c>http_sync_req_state</c>, <c>http_sync_res_state</c>, <c>http_resync_states</c>):
/// once both messages are DONE, tunnel and keep-alive switch to TUNNEL (everything forwarded blindly, nothing
/// more parsed), server-close shuts the server side and starts the next transaction
/// (<see cref="HttpEndTxn"/>), close shuts both directions.
/// </summary>
public static class HttpResync
{
    /// <summary>http_resync_states: runs both state machines until they agree, then acts on the result.</summary>
    public static void ResyncStates(Session s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var txn = s.Txn!;
        SyncReq(s, txn);
        while (SyncRes(s, txn) && SyncReq(s, txn))
        {
        }

        var rq = txn.Req.State;
        var rs = txn.Rsp.State;
        if (rq == HttpMsgState.Tunnel || rs == HttpMsgState.Tunnel || (rq == HttpMsgState.Closed && rs == HttpMsgState.Closed))
        {
            s.Req.Analysers = 0;
            s.Req.Flags = (s.Req.Flags & ~ChannelFlags.DontRead) | ChannelFlags.AutoClose;
            s.Rep.Analysers = 0;
            s.Rep.Flags = (s.Rep.Flags & ~ChannelFlags.DontRead) | ChannelFlags.AutoClose;
        }
        else if (rs == HttpMsgState.Closed || rs == HttpMsgState.Error || rq == HttpMsgState.Error
            || (s.Rep.Flags & ChannelFlags.ShutW) != 0)
        {
            s.Rep.Analysers = 0;
            s.Rep.Flags = (s.Rep.Flags & ~ChannelFlags.DontRead) | ChannelFlags.AutoClose;
            s.Req.Analysers = 0;
            s.Req.Abort();
            s.Req.Flags = (s.Req.Flags & ~ChannelFlags.DontRead) | ChannelFlags.AutoClose;
        }
        else if (rq == HttpMsgState.Closed && rs == HttpMsgState.Done && txn.Mode == HttpConnMode.ServerClose)
        {
            HttpEndTxn.CleanSession(s);
        }
    }

    /// <summary>http_sync_req_state; true when the state or the buffer flags changed.</summary>
    private static bool SyncReq(Session s, HttpTxn txn)
    {
        var buf = s.Req;
        var msg = txn.Req;
        var oldState = msg.State;
        var oldFlags = buf.Flags;
        if (msg.State == HttpMsgState.Done)
        {
            // Nothing more to read, unless abortonclose or a POST (a browser's trailing CRLF must be drained).
            if (!s.Be.Has(ProxyOptions.AbortOnClose) && txn.Meth != HttpMeth.Post)
            {
                buf.Flags |= ChannelFlags.DontRead;
            }

            var rs = txn.Rsp.State;
            if (rs == HttpMsgState.Error || rs < HttpMsgState.Done)
            {
                return Changed(msg, buf, oldState, oldFlags);
            }

            if (rs == HttpMsgState.Tunnel || txn.Mode is HttpConnMode.Tunnel or HttpConnMode.KeepAlive)
            {
                buf.Flags &= ~ChannelFlags.DontRead;
                msg.State = HttpMsgState.Tunnel;
                return Changed(msg, buf, oldState, oldFlags);
            }

            if ((buf.Flags & (ChannelFlags.ShutW | ChannelFlags.ShutWNow)) == 0)
            {
                if (txn.Mode == HttpConnMode.Close)
                {
                    buf.ShutRNow();
                }

                buf.ShutWNow();
            }

            if ((buf.Flags & (ChannelFlags.ShutW | ChannelFlags.ShutWNow)) != 0)
            {
                if (buf.Consumer is { } cons)
                {
                    cons.Flags |= SiFlags.NoLinger;
                }

                msg.State = buf.IsOutEmpty ? HttpMsgState.Closed : HttpMsgState.Closing;
            }
        }

        if (msg.State == HttpMsgState.Closing)
        {
            if (buf.IsOutEmpty)
            {
                msg.State = HttpMsgState.Closed;
            }
            else if ((buf.Flags & ChannelFlags.ShutW) != 0)
            {
                msg.State = HttpMsgState.Error;
            }
        }

        return Changed(msg, buf, oldState, oldFlags);
    }

    /// <summary>http_sync_res_state; true when the state or the buffer flags changed.</summary>
    private static bool SyncRes(Session s, HttpTxn txn)
    {
        var buf = s.Rep;
        var msg = txn.Rsp;
        var oldState = msg.State;
        var oldFlags = buf.Flags;
        if (msg.State == HttpMsgState.Done)
        {
            var rq = txn.Req.State;
            if (rq == HttpMsgState.Error || rq < HttpMsgState.Done)
            {
                return Changed(msg, buf, oldState, oldFlags);
            }

            if (rq == HttpMsgState.Tunnel || txn.Mode is HttpConnMode.Tunnel or HttpConnMode.KeepAlive)
            {
                buf.Flags &= ~ChannelFlags.DontRead;
                msg.State = HttpMsgState.Tunnel;
                return Changed(msg, buf, oldState, oldFlags);
            }

            if (txn.Mode == HttpConnMode.ServerClose)
            {
                if ((buf.Flags & (ChannelFlags.ShutR | ChannelFlags.ShutRNow)) == 0)
                {
                    buf.ShutRNow();
                }
            }
            else if ((buf.Flags & (ChannelFlags.ShutW | ChannelFlags.ShutWNow)) == 0)
            {
                buf.ShutRNow();
                buf.ShutWNow();
            }

            if ((buf.Flags & (ChannelFlags.ShutW | ChannelFlags.ShutWNow)) != 0)
            {
                msg.State = buf.IsOutEmpty ? HttpMsgState.Closed : HttpMsgState.Closing;
            }
        }

        if (msg.State == HttpMsgState.Closing)
        {
            if (buf.IsOutEmpty)
            {
                msg.State = HttpMsgState.Closed;
            }
            else if ((buf.Flags & ChannelFlags.ShutW) != 0)
            {
                msg.State = HttpMsgState.Error;
                Stats.StatsCounters.CliAbort(s);
            }
        }

        if (msg.State == HttpMsgState.Closed)
        {
            buf.Flags = (buf.Flags & ~ChannelFlags.DontRead) | ChannelFlags.AutoClose;
        }

        return Changed(msg, buf, oldState, oldFlags);
    }

    private static bool Changed(HttpMsg msg, Channel buf, HttpMsgState oldState, ChannelFlags oldFlags) =>
        msg.State != oldState || buf.Flags != oldFlags;
}
