using HaproxyNet.Core.Acl;
using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Http.Parsing;
using HaproxyNet.Core.Logging;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Http.Rules;

/// <summary>
/// The rule steps of 1.4's <c>http_process_res_common</c> (HTTP-MODE §6): for the backend, then the frontend when
/// it differs, the rsp* filters, the rspdeny verdict (502 <c>PH</c>) and the rspadd lines (final responses only);
/// and, after the server cookie steps, <c>option checkcache</c>: a cacheable response carrying a Set-Cookie is
/// blocked with a 502 (<see cref="CheckCacheableCookie"/>).
/// </summary>
public static class HttpResRules
{
    /// <summary>Runs the steps; false when a 502 was sent (the analyser returns false).</summary>
    public static bool Apply(Session s, HttpTxn txn, Channel rep)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(txn);
        ArgumentNullException.ThrowIfNull(rep);
        var px = s.Be;
        while (true)
        {
            if (px.RspFilters.Count > 0 && !HttpRegexFilters.ApplyToResponse(s, rep, px))
            {
                return Fail(s, rep, txn, px, denied: false);
            }

            if (txn.Has(HttpTxnFlags.ServerDeny))
            {
                return Fail(s, rep, txn, px, denied: true);
            }

            var adds = px.RspAdd;
            if (adds.Count > 0 && txn.Status >= 200)
            {
                var evaluator = new SessionAclEvaluator(s, partial: false);
                for (var i = 0; i < adds.Count; i++)
                {
                    if (!HttpRules.Holds(adds[i].Condition, ref evaluator))
                    {
                        continue;
                    }

                    if (!HttpHeaderOps.AddTail(rep, txn.Rsp, txn.RspIdx, adds[i].Line))
                    {
                        return Fail(s, rep, txn, px, denied: false);
                    }
                }
            }

            if (px == s.Fe)
            {
                break;
            }

            px = s.Fe;
        }

        return true;
    }

    /// <summary>
    /// Step 7 of <c>http_process_res_common</c>, after the server cookie steps (<see cref="Persistence.ServerSideCookies"/>):
    /// with <c>option checkcache</c>, a response still cacheable with its cookies (TX_CACHEABLE | TX_CACHE_COOK, read
    /// by <see cref="Persistence.HttpCacheability"/>) that carried a server Set-Cookie (TX_SCK_ANY; the inserted cookie
    /// does not count) is blocked: 502 <c>PH</c>, with an alert on the console and in the logs. False when blocked.
    /// </summary>
    public static bool CheckCacheableCookie(Session s, HttpTxn txn, Channel rep)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(txn);
        ArgumentNullException.ThrowIfNull(rep);
        if (!s.Be.CheckCache || !txn.Cacheable || !txn.CacheCookie || !txn.SetCookiePresent)
        {
            return true;
        }

        var srv = s.Srv?.Name ?? "<dispatch>";
        var text = "Blocking cacheable cookie in response from instance " + s.Be.Name + ", server " + srv + ".\n";
        s.Loop.Messages?.Alert(text);
        s.Loop.SendLog(s.Be, LogLevels.Alert, text);
        return Fail(s, rep, txn, s.Be, denied: true);
    }

    /// <summary>return_bad_resp / return_srv_prx_502: the 502 page, <c>PH</c>.</summary>
    private static bool Fail(Session s, Channel rep, HttpTxn txn, Proxy px, bool denied)
    {
        if (denied)
        {
            px.DeniedResp++;
        }

        HttpWaitForResponse.Fail(s, rep, txn, 502, SessionError.PrxCond);
        return false;
    }
}
