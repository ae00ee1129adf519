using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Http.Parsing;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Http;

/// <summary>
/// AN_RES_HTTP_XFER_BODY: forwards the response headers and body (1.4's <c>http_response_forward_body</c>), then
/// synchronises the end of the transaction (<see cref="HttpResync"/>).
/// </summary>
/// <remarks>
/// Content-Length and chunked bodies end on their own; an unknown length ends with the server's close (the mode
/// is then close). Server gone before the end → <c>SD</c>; client gone → <c>CD</c>; invalid chunking → <c>PD</c>.
/// </remarks>
public sealed class HttpResponseForwardBody : IAnalyser
{
    public static readonly HttpResponseForwardBody Instance = new();

    private HttpResponseForwardBody()
    {
    }

    /// <inheritdoc/>
    public bool Analyse(Session session, Channel channel, int anBit)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(channel);
        var s = session;
        var rep = channel;
        var txn = s.Txn!;
        var msg = txn.Rsp;
        if (msg.State < HttpMsgState.Body)
        {
            return false;
        }

        txn.Rebase(rep, isRequest: false);
        if (s.Req.Analysers == 0)
        {
            // The request side has no analyser left (a request of unknown length, forwarded until close): the
            // response cannot be analysed any more. 1.4.25 drops what it holds of it, headers included, and lets
            // the rest through; the client of a "chunked, gzip" request gets nothing while the log shows the
            // server's status and bytes (smuggling row te-dup-headers, differential seed 1425 case 174).
            rep.EraseUnsent();
            rep.Flags = (rep.Flags & ~ChannelFlags.DontRead) | ChannelFlags.AutoClose;
            rep.Analysers &= ~anBit;
            return true;
        }

        if (msg.State == HttpMsgState.Body)
        {
            var head = msg.Sov - rep.SendMax;
            if (!txn.Has(HttpTxnFlags.ResXferLen))
            {
                rep.Forward(Channel.InfiniteForward);
                msg.State = HttpMsgState.Data;
            }
            else if (txn.Has(HttpTxnFlags.ResTeChunked))
            {
                rep.Forward(head);
                msg.State = HttpMsgState.ChunkSize;
            }
            else
            {
                rep.Forward(head + txn.RspBodyLength);
                msg.State = HttpMsgState.Data;
            }
        }

        if (!txn.Has(HttpTxnFlags.ResXferLen))
        {
            if ((rep.Flags & ChannelFlags.ShutR) != 0)
            {
                msg.State = HttpMsgState.Done;
            }
        }
        else if (txn.Has(HttpTxnFlags.ResTeChunked) && msg.State is >= HttpMsgState.ChunkSize and <= HttpMsgState.Trailers)
        {
            if (HttpChunks.Forward(rep, msg) == HttpParseResult.Error)
            {
                s.Be.InvalidRep.Capture(s, rep, msg.Som, msg.Next, msg.State, s.Fe);
                return Abort(s, rep, txn, SessionError.PrxCond);
            }
        }
        else if (msg.State == HttpMsgState.Data && rep.ToForward == 0)
        {
            msg.State = HttpMsgState.Done;
        }

        if (msg.State < HttpMsgState.Done)
        {
            if ((rep.Flags & (ChannelFlags.ReadError | ChannelFlags.ShutR | ChannelFlags.ReadTimeout)) != 0)
            {
                return Abort(s, rep, txn, (rep.Flags & ChannelFlags.ReadTimeout) != 0 ? SessionError.SrvTo : SessionError.SrvCl);
            }

            if ((rep.Flags & (ChannelFlags.WriteError | ChannelFlags.WriteTimeout)) != 0)
            {
                return Abort(s, rep, txn, (rep.Flags & ChannelFlags.WriteTimeout) != 0 ? SessionError.CliTo : SessionError.CliCl);
            }

            // Chunks still to parse after the server's close, and a client connection to keep alive
            // (keep-alive, http-server-close): the server's close must not reach the client (1.4's
            // buffer_dont_close). Without this, a body longer than the buffer ended with the server's close
            // and the client's keep-alive connection was closed after it.
            if (txn.Has(HttpTxnFlags.ResTeChunked) || txn.Mode is HttpConnMode.KeepAlive or HttpConnMode.ServerClose)
            {
                rep.Flags &= ~ChannelFlags.AutoClose;
            }

            return false;
        }

        HttpResync.ResyncStates(s);
        if ((rep.Analysers & anBit) == 0)
        {
            return true;
        }

        return false;
    }

    private static bool Abort(Session s, Channel rep, HttpTxn txn, SessionError err)
    {
        txn.Rsp.State = HttpMsgState.Error;
        rep.Analysers = 0;
        s.Req.Analysers = 0;
        rep.Abort();
        rep.Flags |= ChannelFlags.AutoClose;
        s.Req.Abort();
        s.Req.Flags |= ChannelFlags.AutoClose;
        if (err is SessionError.SrvCl or SessionError.SrvTo)
        {
            Stats.StatsCounters.SrvAbort(s);
        }
        else if (err is SessionError.CliCl or SessionError.CliTo)
        {
            Stats.StatsCounters.CliAbort(s);
        }

        s.SetErrIfNone(err);
        s.SetFinIfNone(SessionFinState.D);
        return false;
    }
}
