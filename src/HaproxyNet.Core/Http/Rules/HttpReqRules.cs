using System.Buffers;
using HaproxyNet.Config.Model.Rules;
using HaproxyNet.Core.Acl;
using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Http.Parsing;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Http.Rules;

/// <summary>What a rule step tells <see cref="HttpProcessReqCommon"/>.</summary>
public enum RuleVerdict
{
    /// <summary>Go on with the next step.</summary>
    Continue,

    /// <summary>The analyser returns false (a reply was sent or the request was eaten).</summary>
    Stop,

    /// <summary>The analyser returns true at once (tarpit: only the tarpit analyser is left).</summary>
    Done,
}

/// <summary>
/// The rule steps of 1.4's <c>http_process_req_common</c> for one proxy (HTTP-MODE §4): block (1), http-request
/// (2), the req* filters with their deny and tarpit verdicts (3), reqadd (5), the http-request auth challenge (6)
/// and redirect (8). Step 4 (connection mode) and step 7 (stats) live in <see cref="HttpProcessReqCommon"/>.
/// </summary>
public static class HttpReqRules
{
    private static ReadOnlySpan<byte> Auth401Head => "HTTP/1.0 401 Unauthorized\r\nCache-Control: no-cache\r\nConnection: close\r\nContent-Type: text/html\r\nWWW-Authenticate: Basic realm=\""u8;

    private static ReadOnlySpan<byte> Auth407Head => "HTTP/1.0 407 Unauthorized\r\nCache-Control: no-cache\r\nConnection: close\r\nContent-Type: text/html\r\nProxy-Authenticate: Basic realm=\""u8;

    private static ReadOnlySpan<byte> AuthTail => "\"\r\n\r\n<html><body><h1>401 Unauthorized</h1>\nYou need a valid user and password to access this content.\n</body></html>\n"u8;

    /// <summary>
    /// Steps 1-3: block, http-request, the req* filters. <paramref name="authRule"/> is the matched
    /// <c>http-request auth</c> rule, answered by <see cref="HeadersAndAuth"/> after the connection-mode step.
    /// </summary>
    public static RuleVerdict BeforeMode(Session s, Proxy px, HttpTxn txn, Channel req, out HttpRequestRuleRt? authRule)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(px);
        ArgumentNullException.ThrowIfNull(txn);
        ArgumentNullException.ThrowIfNull(req);
        authRule = null;
        var evaluator = new SessionAclEvaluator(s, partial: false);

        // 1: block.
        var blocks = px.BlockRules;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (HttpRules.Holds(blocks[i], ref evaluator))
            {
                return Deny(s, req, txn, countDenied: false);
            }
        }

        // 2: http-request: the first rule that applies decides.
        var rules = px.HttpRequestRules;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (!HttpRules.Holds(rule.Condition, ref evaluator))
            {
                continue;
            }

            if (rule.Action == HttpRequestAction.Deny)
            {
                return Deny(s, req, txn, countDenied: true);
            }

            if (rule.Action == HttpRequestAction.Auth)
            {
                authRule = rule;
            }

            break;
        }

        // 3: the req* filters.
        if (px.ReqFilters.Count > 0)
        {
            if (!HttpRegexFilters.ApplyToRequest(s, req, px))
            {
                return HttpWaitForRequest.BadRequest(s, req, txn) ? RuleVerdict.Done : RuleVerdict.Stop;
            }

            if (txn.Has(HttpTxnFlags.ClientDeny))
            {
                return Deny(s, req, txn, countDenied: false);
            }

            if (txn.Has(HttpTxnFlags.ClientTarpit))
            {
                // The request is wiped out; only the tarpit analyser is left, until the timeout or the client's close.
                req.Erase();
                req.Flags &= ~ChannelFlags.AutoConnect;
                req.Analysers = Sessions.Analysers.ReqHttpTarpit;
                var tarpit = s.Be.Timeouts.Tarpit;
                var now = s.Loop.Clock.NowMs;
                req.AnalyseExp = Ticks.Add(now, tarpit); // unset: expires at once

                s.Fe.DeniedReq++;
                return RuleVerdict.Done;
            }
        }

        return RuleVerdict.Continue;
    }

    /// <summary>Steps 5-6: reqadd lines in order, then the http-request auth challenge (401, or 407 for a proxy request).</summary>
    public static RuleVerdict HeadersAndAuth(Session s, Proxy px, HttpTxn txn, Channel req, HttpRequestRuleRt? authRule)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(px);
        ArgumentNullException.ThrowIfNull(txn);
        ArgumentNullException.ThrowIfNull(req);
        var adds = px.ReqAdd;
        if (adds.Count > 0)
        {
            var evaluator = new SessionAclEvaluator(s, partial: false);
            for (var i = 0; i < adds.Count; i++)
            {
                if (!HttpRules.Holds(adds[i].Condition, ref evaluator))
                {
                    continue;
                }

                if (!HttpHeaderOps.AddTail(req, txn.Req, txn.ReqIdx, adds[i].Line))
                {
                    return HttpWaitForRequest.BadRequest(s, req, txn) ? RuleVerdict.Done : RuleVerdict.Stop;
                }
            }
        }

        if (authRule is null)
        {
            return RuleVerdict.Continue;
        }

        // The realm: the rule's, else the proxy's name (the stats default realm is the stats step's business).
        var realm = authRule.Realm ?? px.Name;
        var head = txn.Has(HttpTxnFlags.UseProxyConn) ? Auth407Head : Auth401Head;
        var len = head.Length + (realm.Length * 3) + AuthTail.Length;
        var buf = ArrayPool<byte>.Shared.Rent(len);
        try
        {
            head.CopyTo(buf);
            var n = head.Length + System.Text.Encoding.UTF8.GetBytes(realm, buf.AsSpan(head.Length));
            AuthTail.CopyTo(buf.AsSpan(n));
            n += AuthTail.Length;
            txn.Status = 401;
            HttpReplies.RetnClose(s.Si0, buf.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buf);
        }

        return PrxCond(s, req);
    }

    /// <summary>Step 8: the first <c>redirect</c> rule that applies answers (HTTP-MODE §9).</summary>
    public static RuleVerdict Redirect(Session s, Proxy px, HttpTxn txn, Channel req)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(px);
        ArgumentNullException.ThrowIfNull(txn);
        ArgumentNullException.ThrowIfNull(req);
        var rules = px.RedirectRules;
        if (rules.Count == 0)
        {
            return RuleVerdict.Continue;
        }

        var evaluator = new SessionAclEvaluator(s, partial: false);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (HttpRules.Holds(rule.Condition, ref evaluator))
            {
                return HttpRedirect.Send(s, txn, req, rule);
            }
        }

        return RuleVerdict.Continue;
    }

    /// <summary>403 for block, http-request deny and reqdeny: Tq stamped, <c>PR</c>.</summary>
    private static RuleVerdict Deny(Session s, Channel req, HttpTxn txn, bool countDenied)
    {
        txn.Status = 403;
        s.Logs.TvRequestUs = s.Loop.Clock.NowUs;
        HttpReplies.RetnClose(s.Si0, HttpReplies.ErrorMessage(s, 403));
        if (countDenied)
        {
            s.Fe.DeniedReq++;
            if (s.Be != s.Fe)
            {
                s.Be.DeniedReq++;
            }
        }

        return PrxCond(s, req);
    }

    /// <summary>return_prx_cond: <c>PR</c> unless already set, no more request analysers.</summary>
    internal static RuleVerdict PrxCond(Session s, Channel req)
    {
        s.SetErrIfNone(SessionError.PrxCond);
        s.SetFinIfNone(SessionFinState.R);
        req.Analysers = 0;
        req.AnalyseExp = Ticks.Eternity;
        return RuleVerdict.Stop;
    }
}
