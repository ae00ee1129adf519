using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Http.Parsing;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.StreamInterfaces;

namespace HaproxyNet.Core.Http;

/// <summary>
/// AN_REQ_HTTP_XFER_BODY: forwards the request headers and body (1.4's <c>http_request_forward_body</c>), then
/// synchronises the end of the transaction with the response (<see cref="HttpResync"/>).
/// </summary>
/// <remarks>
/// Content-Length bodies are scheduled as counted bytes (<see cref="Channel.Forward"/>): bytes present at once,
/// the rest as it arrives. A client that closes or fails mid-body ends the session <c>CH</c> (<c>CD</c> once the
/// response started) with status -1 and no page (1.4's quirk, HTTP-MODE §12).
/// </remarks>
public sealed class HttpRequestForwardBody : IAnalyser
{
    public static readonly HttpRequestForwardBody Instance = new();

    private HttpRequestForwardBody()
    {
    }

    /// <inheritdoc/>
    public bool Analyse(Session session, Channel channel, int anBit)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(channel);
        var s = session;
        var req = channel;
        var txn = s.Txn!;
        var msg = txn.Req;
        if (msg.State < HttpMsgState.Body)
        {
            return false;
        }

        txn.Rebase(req, isRequest: true);
        if (msg.State == HttpMsgState.Body)
        {
            var head = msg.Sov - req.SendMax;
            if (txn.Has(HttpTxnFlags.ReqTeChunked))
            {
                // Chunked request bodies are forwarded by the chunk parser.
                req.Forward(head);
                msg.Sov = req.SendMax;
                msg.Next = msg.Sov;
                msg.State = HttpMsgState.ChunkSize;
            }
            else
            {
                req.Forward(head + txn.ReqBodyLength);
                msg.State = HttpMsgState.Data;
            }
        }

        if (msg.State is >= HttpMsgState.ChunkSize and <= HttpMsgState.Trailers && txn.Has(HttpTxnFlags.ReqTeChunked))
        {
            var r = HttpChunks.Forward(req, msg);
            if (r == HttpParseResult.Error)
            {
                s.Fe.InvalidReq.Capture(s, req, msg.Som, msg.Next, msg.State, s.Be);
                return AbortBody(s, req, txn, invalid: true);
            }
        }
        else if (msg.State == HttpMsgState.Data && req.ToForward == 0)
        {
            msg.State = HttpMsgState.Done;
        }

        if (msg.State < HttpMsgState.Done)
        {
            if ((req.Flags & (ChannelFlags.ReadError | ChannelFlags.ShutR | ChannelFlags.ReadTimeout)) != 0)
            {
                // A close read with the headers: 1.4 reads once per wake-up while it waits for headers, so it sees
                // that close only once the server connection was set up (CH with the server and Tc logged, golden
                // http-bodies cl-short/chunk-cut). Connect first, without passing the close on, then abort.
                if ((req.Flags & (ChannelFlags.ReadError | ChannelFlags.ReadTimeout)) == 0 && s.Si1.State is SiState.Ini or SiState.Req or SiState.Ass or SiState.Con)
                {
                    req.Flags &= ~ChannelFlags.AutoClose;
                    return false;
                }

                return AbortBody(s, req, txn, invalid: false);
            }

            // Chunks still to parse even after the client's close: do not propagate it yet.
            if (txn.Has(HttpTxnFlags.ReqTeChunked))
            {
                req.Flags &= ~ChannelFlags.AutoClose;
            }

            return false;
        }

        HttpResync.ResyncStates(s);
        if ((req.Analysers & anBit) == 0)
        {
            return true;
        }

        // abortonclose: the client's close goes to the server side, which decides (CC/CQ while connecting/queued).
        // Without it the close waits for the response, in every mode: 1.4.25 keeps the server's side open, and the
        // bytes after the request (a pipelined request, a body longer than announced) follow in tunnel mode.
        if (s.Be.Has(Proxies.ProxyOptions.AbortOnClose))
        {
            req.Flags = (req.Flags & ~ChannelFlags.DontRead) | ChannelFlags.AutoClose;
        }
        else
        {
            req.Flags &= ~ChannelFlags.AutoClose;
            if (txn.Meth == HttpMeth.Post)
            {
                req.Flags &= ~ChannelFlags.DontRead;
            }
        }

        return false;
    }

    /// <summary>Client gone (or invalid chunking) while the body was forwarded: both directions aborted, no page.</summary>
    private static bool AbortBody(Session s, Channel req, HttpTxn txn, bool invalid)
    {
        var started = txn.Rsp.State >= HttpMsgState.Body;
        txn.Req.State = HttpMsgState.Error;

        // 1.4 sends a 400 only when the status is 0, and it starts at -1: never a page here (HTTP-MODE §12).
        HttpReplies.RetnClose(s.Si0, default);
        req.Analysers = 0;
        s.Rep.Analysers = 0;
        if (invalid)
        {
            s.Fe.FailedReq++;
            s.SetErrIfNone(SessionError.PrxCond);
        }
        else
        {
            Stats.StatsCounters.CliAbort(s);
            s.SetErrIfNone((req.Flags & ChannelFlags.ReadTimeout) != 0 ? SessionError.CliTo : SessionError.CliCl);
        }

        s.SetFinIfNone(started ? SessionFinState.D : SessionFinState.H);
        return false;
    }
}
