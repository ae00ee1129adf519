using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Http.Parsing;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Http;

/// <summary>
/// AN_RES_HTTP_PROCESS_BE: response processing (1.4's <c>http_process_res_common</c>): connection mode and the
/// response Connection header (HTTP-MODE §5.3), t_data, the logasap log, then the body analyser.
/// </summary>
/// <remarks>rsp* filters, rspadd and checkcache: <see cref="Rules.HttpResRules"/>; server cookies belong to the persistence layer.</remarks>
public sealed class HttpProcessResCommon : IAnalyser
{
    public static readonly HttpProcessResCommon Instance = new();

    private HttpProcessResCommon()
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
        var all = s.Fe.HttpOptions | s.Be.HttpOptions;
        var httpClose = (all & HttpProxyOptions.HttpClose) != 0;
        if ((txn.Meth == HttpMeth.Connect && txn.Status == 200) || txn.Status == 101)
        {
            txn.Mode = HttpConnMode.Tunnel;
        }
        else if (txn.Status >= 200 && !txn.Has(HttpTxnFlags.HdrConnParsed) && (txn.Mode != HttpConnMode.Tunnel || httpClose))
        {
            if (!txn.Has(HttpTxnFlags.ResXferLen) && txn.Mode != HttpConnMode.Tunnel)
            {
                txn.Mode = HttpConnMode.Close;
            }

            int toDel;
            if (txn.Mode is HttpConnMode.Tunnel or HttpConnMode.Close)
            {
                toDel = HttpConnectionHeader.DelKeepAlive | (txn.Has(HttpTxnFlags.ResVer11) ? 0 : HttpConnectionHeader.DelClose);
            }
            else
            {
                toDel = HttpConnectionHeader.DelClose;
                if (txn.Has(HttpTxnFlags.ReqVer11) && txn.Has(HttpTxnFlags.ResVer11))
                {
                    toDel |= HttpConnectionHeader.DelKeepAlive;
                }
            }

            HttpConnectionHeader.Parse(txn, msg, txn.RspIdx, rep, toDel);
            if (txn.Mode == HttpConnMode.KeepAlive
                && (txn.Has(HttpTxnFlags.HdrConnClose) || (!txn.Has(HttpTxnFlags.HdrConnKeepAlive) && !txn.Has(HttpTxnFlags.ResVer11))))
            {
                txn.Mode = HttpConnMode.ServerClose;
            }
        }

        // rsp* filters and rspadd (backend then frontend, Http/Rules).
        if (!Rules.HttpResRules.Apply(s, txn, rep))
        {
            return false;
        }

        // An unknown body length can only end with the server's close.
        if (!txn.Has(HttpTxnFlags.ResXferLen) && txn.Mode != HttpConnMode.Tunnel)
        {
            txn.Mode = HttpConnMode.Close;
        }

        if (!Persistence.HttpPersistence.ProcessResponse(s, rep))
        {
            return HttpWaitForResponse.Fail(s, rep, txn, 502, SessionError.PrxCond);
        }

        // checkcache decides after the cookie steps: the log keeps the captured and inserted cookies of a blocked response.
        if (!Rules.HttpResRules.CheckCacheableCookie(s, txn, rep))
        {
            return false;
        }

        if (txn.Mode != HttpConnMode.Tunnel || httpClose)
        {
            var want = HttpTxnFlags.None;
            if (txn.Mode is HttpConnMode.KeepAlive or HttpConnMode.ServerClose)
            {
                if (!txn.Has(HttpTxnFlags.ReqVer11) || !txn.Has(HttpTxnFlags.ResVer11))
                {
                    want |= HttpTxnFlags.ConKeepAliveSet;
                }
            }
            else if (txn.Has(HttpTxnFlags.ResVer11))
            {
                want |= HttpTxnFlags.ConCloseSet;
            }

            if (want != (txn.Flags & (HttpTxnFlags.ConCloseSet | HttpTxnFlags.ConKeepAliveSet))
                && !HttpConnectionHeader.Change(txn, msg, txn.RspIdx, rep, want))
            {
                return HttpWaitForResponse.Fail(s, rep, txn, 502, SessionError.PrxCond);
            }
        }

        s.Logs.TData = ProcessSession.Elapsed(s);
        s.Logs.LogWait &= ~LogWait.Resp;
        if ((s.Logs.LogWait & (LogWait.Req | LogWait.Resp | LogWait.Bytes)) == LogWait.None && s.Logs.LogWait != LogWait.None)
        {
            // logasap: logged now, with the response headers as bytes and t_data as total time.
            s.Logs.TClose = s.Logs.TData;
            s.Logs.BytesOut = msg.Eoh - msg.Som;
            ProcessSession.DoLog(s);
            s.Logs.BytesOut = 0;
        }

        rep.Analysers &= ~anBit;
        rep.Analysers |= Sessions.Analysers.ResHttpXferBody;
        return true;
    }
}
