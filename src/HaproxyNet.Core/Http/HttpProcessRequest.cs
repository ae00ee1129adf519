using System.Net;
using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Http;

/// <summary>
/// AN_REQ_HTTP_INNER: the backend's last request step (1.4's <c>http_process_request</c>): the request Connection
/// header is adjusted to the mode (HTTP-MODE §5.2), the body analyser is set when the length is known, and
/// tv_request is stamped (Tq ends here).
/// </summary>
/// <remarks>
/// Cookies, appsession and check_post belong to the persistence layer (issue 8) and come before forwardfor and the
/// Connection step in 1.4's order.
/// </remarks>
public sealed class HttpProcessRequest : IAnalyser
{
    public static readonly HttpProcessRequest Instance = new();

    private HttpProcessRequest()
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
        txn.Rebase(req, isRequest: true);
        if (s.Be.HttpProxy)
        {
            HttpProxyDestination(s, txn, req);
        }

        Persistence.HttpPersistence.ProcessRequest(s, req);
        var all = s.Fe.HttpOptions | s.Be.HttpOptions;

        // Steps 9-10: X-Forwarded-For, X-Original-To (Http/Rules).
        if (!Rules.HttpForwardHeaders.Apply(s, txn, req))
        {
            return HttpWaitForRequest.BadRequest(s, req, txn);
        }

        if ((all & HttpProxyOptions.HttpClose) != 0 || txn.Mode != HttpConnMode.Tunnel)
        {
            var want = HttpTxnFlags.None;
            if (txn.Has(HttpTxnFlags.ReqVer11))
            {
                if ((txn.Mode >= HttpConnMode.ServerClose || (all & HttpProxyOptions.HttpClose) != 0)
                    && (all & HttpProxyOptions.PretendKeepAlive) == 0)
                {
                    want |= HttpTxnFlags.ConCloseSet;
                }
            }
            else if ((txn.Mode == HttpConnMode.KeepAlive && (all & HttpProxyOptions.HttpClose) == 0)
                || (all & HttpProxyOptions.PretendKeepAlive) != 0)
            {
                want |= HttpTxnFlags.ConKeepAliveSet;
            }

            if (want != (txn.Flags & (HttpTxnFlags.ConCloseSet | HttpTxnFlags.ConKeepAliveSet))
                && !HttpConnectionHeader.Change(txn, txn.Req, txn.ReqIdx, req, want))
            {
                return HttpWaitForRequest.BadRequest(s, req, txn);
            }
        }

        if (HttpProcessRequestBody.Wanted(s, req.GetReadSpan().Slice(txn.Req.Rq.Uri, txn.Req.Rq.UriLength)))
        {
            // balance url_param check_post: wait for the body before choosing a server.
            req.Flags &= ~ChannelFlags.AutoConnect;
            req.Analysers |= Sessions.Analysers.ReqHttpBody;
        }

        if (txn.Has(HttpTxnFlags.ReqXferLen))
        {
            req.Analysers |= Sessions.Analysers.ReqHttpXferBody;
        }
        else
        {
            // Unknown request length: the headers and everything after are forwarded until close.
            req.Flush();
        }

        s.Logs.TvRequestUs = s.Loop.Clock.NowUs;
        req.Analysers &= ~anBit;
        return true;
    }

    /// <summary>
    /// Step 1, <c>option http_proxy</c>: the destination is the IPv4 address and port of an absolute
    /// <c>http://a.b.c.d[:port]</c> URI (url2sa; port 80 when absent). Anything else leaves the destination as it was
    /// (none for a new session: no server, 503 <c>SC</c>). The request line is forwarded as received, as 1.4.25 does.
    /// </summary>
    private static void HttpProxyDestination(Session s, HttpTxn txn, Channel req)
    {
        var msg = txn.Req;
        Acl.SessionAclEvaluator.UrlToAddress(req.GetDataSpan().Slice(msg.Rq.Uri, msg.Rq.UriLength), out var ip, out var port);
        if (ip != 0)
        {
            // ip is a.b.c.d with a as the high byte; IPAddress(long) wants the bytes in network order in memory.
            s.SrvAddress = new IPEndPoint(new IPAddress(unchecked((uint)IPAddress.HostToNetworkOrder(unchecked((int)ip)))), port);
        }
    }
}
