using HaproxyNet.Config.Acl;
using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Http.Persistence;

/// <summary>
/// The persistence call sites of the analysers, one line each: force/ignore-persist after the backend is chosen,
/// the request side of <c>http_process_request</c> (§4.2 steps 2–3) and the response side of
/// <c>http_process_res_common</c> (§8.2, steps 4–6).
/// </summary>
public static class HttpPersistence
{
    /// <summary>
    /// The end of process_switching_rules: the <c>persist rdp-cookie</c> analyser is added, and the first <c>force-persist</c> / <c>ignore-persist</c> rule of the backend
    /// whose condition holds flags the session FORCE_PRST / IGNORE_PRST.
    /// </summary>
    public static void ApplyPersistRules(Session s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Be.PersistRdpCookie is not null)
        {
            s.Req.Analysers |= Analysers.ReqPrstRdpCookie; // be_req_ana of "persist rdp-cookie" (TCP and HTTP)
        }

        s.StickStoreCount = 0;
        if (s.Be.StickRules.Count > 0)
        {
            s.Req.Analysers |= Analysers.ReqStickingRules; // be_req_ana of "stick" rules
        }

        var rules = s.Be.PersistRules;
        if (rules.Count == 0)
        {
            return;
        }

        var evaluator = new Acl.SessionAclEvaluator(s, partial: false);
        for (var i = 0; i < rules.Count; i++)
        {
            var cond = rules[i].Condition;
            var ret = cond.Execute(ref evaluator);
            if ((ret == AclMatchResult.Pass) != (cond.Polarity == AclConditionPolarity.Unless))
            {
                s.Flags |= rules[i].Force ? SessionFlags.ForcePrst : SessionFlags.IgnorePrst;
                return;
            }
        }
    }

    /// <summary>
    /// http_process_request steps 7–8 (1.4 numbering): request cookies (unless the request was denied or tarpitted,
    /// which the caller checks), then the appsession id in the URI.
    /// </summary>
    public static void ProcessRequest(Session s, Channel req)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(req);
        if (ClientSideCookies.Wanted(s))
        {
            ClientSideCookies.Manage(s, req);
        }

        var txn = s.Txn!;
        if (txn.SessIdLength < 0 && s.Be.AppSession is { } app && !s.Has(SessionFlags.IgnorePrst))
        {
            var msg = txn.Req;
            AppSessions.FromUri(s, app, req.GetReadSpan().Slice(msg.Rq.Uri, msg.Rq.UriLength));
        }
    }

    /// <summary>http_process_res_common steps 4–6; false when a header could not be added (502).</summary>
    public static bool ProcessResponse(Session s, Channel rep) => ServerSideCookies.Process(s, rep);
}
