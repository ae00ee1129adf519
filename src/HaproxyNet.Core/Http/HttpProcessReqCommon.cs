using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Http.Rules;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Http;

/// <summary>
/// AN_REQ_HTTP_PROCESS_FE / _BE: the rules of one proxy on a complete request (1.4's <c>http_process_req_common</c>),
/// run for the frontend, then for the backend when it differs.
/// </summary>
/// <remarks>
/// 1.4's order: block, http-request, req* filters, connection mode (here), reqadd, auth, stats, redirect. The
/// rule steps are in <see cref="HttpReqRules"/> (Http/Rules).
/// </remarks>
public sealed class HttpProcessReqCommon : IAnalyser
{
    public static readonly HttpProcessReqCommon Instance = new();

    private HttpProcessReqCommon()
    {
    }

    /// <inheritdoc/>
    public bool Analyse(Session session, Channel channel, int anBit)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(channel);
        var s = session;
        var txn = s.Txn!;
        txn.Rebase(channel, isRequest: true);

        var px = anBit == Sessions.Analysers.ReqHttpProcessFe ? s.Fe : s.Be;

        // Steps 1-3: block, http-request, req* filters (deny, tarpit).
        var verdict = HttpReqRules.BeforeMode(s, px, txn, channel, out var authRule);
        if (verdict != RuleVerdict.Continue)
        {
            return verdict == RuleVerdict.Done;
        }

        // Step 4: connection mode.
        DecideMode(s, txn, channel);

        // Steps 5-6: reqadd, http-request auth.
        verdict = HttpReqRules.HeadersAndAuth(s, px, txn, channel, authRule);
        if (verdict != RuleVerdict.Continue)
        {
            return verdict == RuleVerdict.Done;
        }

        // Step 7: the stats page (Stats/StatsHttp), for the proxy this pass runs for.
        switch (Stats.StatsHttp.Process(s, txn, channel, px))
        {
            case Stats.StatsHttp.Outcome.Answered:
                return false;
            case Stats.StatsHttp.Outcome.WaitBody:
                return false;
        }

        // Step 8: redirect.
        verdict = HttpReqRules.Redirect(s, px, txn, channel);
        if (verdict != RuleVerdict.Continue)
        {
            return verdict == RuleVerdict.Done;
        }

        channel.Analysers &= ~anBit;
        return true;
    }

    /// <summary>Step 4: the connection mode and the request's Connection header (HTTP-MODE §5.1).</summary>
    internal static void DecideMode(Session s, HttpTxn txn, Channel req)
    {
        var fe = s.Fe.HttpOptions;
        var be = s.Be.HttpOptions;
        const HttpProxyOptions modeOpts = HttpProxyOptions.ModeMask | HttpProxyOptions.PretendKeepAlive;
        if (!((!txn.Has(HttpTxnFlags.HdrConnParsed) && (fe & HttpProxyOptions.ModeMask) != 0) || (fe & modeOpts) != (be & modeOpts)))
        {
            return;
        }

        var all = fe | be;
        var want = HttpConnMode.Tunnel;
        if ((all & HttpProxyOptions.PretendKeepAlive) != 0)
        {
            want = HttpConnMode.KeepAlive;
        }

        if ((all & HttpProxyOptions.ServerClose) != 0)
        {
            want = HttpConnMode.ServerClose;
        }

        if ((all & HttpProxyOptions.ForceClose) != 0)
        {
            want = HttpConnMode.Close;
        }

        if (want > txn.Mode)
        {
            txn.Mode = want;
        }

        if (!txn.Has(HttpTxnFlags.HdrConnParsed))
        {
            var toDel = 0;
            if (txn.Has(HttpTxnFlags.ReqVer11)
                || (txn.Mode >= HttpConnMode.ServerClose && (all & HttpProxyOptions.PretendKeepAlive) == 0))
            {
                toDel |= HttpConnectionHeader.DelKeepAlive;
            }

            if (!txn.Has(HttpTxnFlags.ReqVer11))
            {
                toDel |= HttpConnectionHeader.DelClose;
            }

            HttpConnectionHeader.Parse(txn, txn.Req, txn.ReqIdx, req, toDel);
        }

        if (txn.Mode is HttpConnMode.KeepAlive or HttpConnMode.ServerClose
            && (txn.Has(HttpTxnFlags.HdrConnClose)
                || (!txn.Has(HttpTxnFlags.ReqVer11) && !txn.Has(HttpTxnFlags.HdrConnKeepAlive))
                || (all & HttpProxyOptions.HttpClose) != 0
                || !txn.Has(HttpTxnFlags.ReqXferLen)
                || s.Fe.State == ProxyState.Stopped))
        {
            txn.Mode = HttpConnMode.Close;
        }
    }
}
