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
/// then <c>option checkcache</c>: a cacheable response carrying a Set-Cookie is blocked with a 502.
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

        if (txn.Status < 200 || !s.Be.CheckCache)
        {
            return true;
        }

        if (IsCacheableWithCookie(rep.GetDataSpan(), txn))
        {
            // A cacheable response with a Set-Cookie: blocked, with an alert on the console and in the logs.
            var srv = s.Srv?.Name ?? "<dispatch>";
            var text = "Blocking cacheable cookie in response from instance " + s.Be.Name + ", server " + srv + ".\n";
            s.Loop.Messages?.Alert(text);
            s.Loop.SendLog(s.Be, LogLevels.Alert, text);
            return Fail(s, rep, txn, s.Be, denied: true);
        }

        return true;
    }

    /// <summary>
    /// TX_CACHEABLE | TX_CACHE_COOK | TX_SCK_ANY: a status 1.4 deems cacheable (200, 203, 206, 300, 301, 410) to a
    /// non-POST, not made private by Pragma/Cache-Control (check_response_for_cacheability), with a Set-Cookie.
    /// </summary>
    internal static bool IsCacheableWithCookie(ReadOnlySpan<byte> data, HttpTxn txn)
    {
        if (txn.Status is not (200 or 203 or 206 or 300 or 301 or 410) || txn.Meth == HttpMeth.Post)
        {
            return false;
        }

        var msg = txn.Rsp;
        var idx = txn.RspIdx;
        var cacheable = true;
        var cacheCookie = true;
        var anyCookie = false;
        var line = HttpHeaderOps.FirstLine(msg, idx);
        for (var cur = idx.FirstIdx; cur != 0; cur = idx[cur].Next)
        {
            var text = data.Slice(line, idx[cur].Length);
            line += idx[cur].LineSize;
            if (HeaderValue(text, "Set-Cookie"u8, out _) || HeaderValue(text, "Set-Cookie2"u8, out _))
            {
                anyCookie = true;
                continue;
            }

            if (!cacheable)
            {
                continue;
            }

            if (HeaderValue(text, "Pragma"u8, out var v))
            {
                if (v.Length >= 8 && HttpHeaderOps.EqualsIgnoreCase(v[..8], "no-cache"u8))
                {
                    cacheable = cacheCookie = false;
                }

                continue;
            }

            if (!HeaderValue(text, "Cache-control"u8, out v) || v.IsEmpty)
            {
                continue;
            }

            var p2 = 0;
            while (p2 < v.Length && v[p2] != (byte)'=' && v[p2] != (byte)',' && v[p2] is not ((byte)' ' or (byte)'\t'))
            {
                p2++;
            }

            if (p2 < v.Length && v[p2] == (byte)'=')
            {
                if (v.Length >= 21 && HttpHeaderOps.EqualsIgnoreCase(v[..20], "no-cache=\"set-cookie"u8) && v[20] is (byte)'"' or (byte)',')
                {
                    cacheCookie = false;
                }

                continue;
            }

            var word = v[..p2];
            // (max-age=0 and s-maxage=0 never get here: the '=' branch above takes them, as in 1.4.25.)
            if (HttpHeaderOps.EqualsIgnoreCase(word, "private"u8) || HttpHeaderOps.EqualsIgnoreCase(word, "no-cache"u8)
                || HttpHeaderOps.EqualsIgnoreCase(word, "no-store"u8)
                || HttpHeaderOps.EqualsIgnoreCase(word, "max-age=0"u8) || HttpHeaderOps.EqualsIgnoreCase(word, "s-maxage=0"u8))
            {
                cacheable = cacheCookie = false;
                continue;
            }

            if (HttpHeaderOps.EqualsIgnoreCase(word, "public"u8))
            {
                cacheable = cacheCookie = true;
            }
        }

        return cacheable && cacheCookie && anyCookie;
    }

    /// <summary>http_header_match2: the line is header <paramref name="name"/>; <paramref name="value"/> starts after the colon and spaces.</summary>
    private static bool HeaderValue(ReadOnlySpan<byte> line, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (line.Length <= name.Length || line[name.Length] != (byte)':' || !HttpHeaderOps.EqualsIgnoreCase(line[..name.Length], name))
        {
            return false;
        }

        var p = name.Length + 1;
        while (p < line.Length && line[p] is (byte)' ' or (byte)'\t')
        {
            p++;
        }

        value = line[p..];
        return true;
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
