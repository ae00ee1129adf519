using System.Text;
using HaproxyNet.Config.Acl;
using HaproxyNet.Core.Acl;
using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Http;
using HaproxyNet.Core.Http.Parsing;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Stats;

/// <summary>
/// The stats step of <c>http_process_req_common</c> (1.4.25: after reqadd and auth, before redirect): a GET, HEAD
/// or POST whose URI starts with the proxy's <c>stats uri</c> is answered by HAProxy itself — the 401 challenge, the
/// admin POST's 303, the CSV or the HTML page — and never reaches a server (STATS.md §4).
/// </summary>
public static class StatsHttp
{
    /// <summary>What the step decided.</summary>
    public enum Outcome
    {
        /// <summary>Not a stats request: the next steps run.</summary>
        NotStats,

        /// <summary>Answered: the analysers are done.</summary>
        Answered,

        /// <summary>A POST whose body has not fully arrived: call again when more data is there.</summary>
        WaitBody,
    }

    /// <summary>Handles the request when it is one for <paramref name="px"/>'s stats page.</summary>
    public static Outcome Process(Session s, HttpTxn txn, Channel req, Proxy px)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(txn);
        ArgumentNullException.ThrowIfNull(req);
        ArgumentNullException.ThrowIfNull(px);
        if (px.StatsPage is not { } page || txn.Meth is not (HttpMeth.Get or HttpMeth.Head or HttpMeth.Post))
        {
            return Outcome.NotStats;
        }

        var data = req.GetDataSpan();
        var msg = txn.Req;
        var uri = data.Slice(msg.Rq.Uri, msg.Rq.UriLength);
        if (!uri.StartsWith(page.Uri))
        {
            return Outcome.NotStats;
        }

        var rest = uri[page.Uri.Length..];
        // The stats http-request rules: the first that applies decides (none: allowed).
        switch (MatchingRule(s, page))
        {
            case { Action: Config.Model.Rules.HttpRequestAction.Deny }:
                // 1.4.25 answers its 403 page and counts no denied request for a stats rule.
                Finish(s, txn, req, 403);
                HttpReplies.RetnClose(s.Si0, HttpReplies.ErrorMessage(s, 403));
                return Outcome.Answered;
            case { Action: Config.Model.Rules.HttpRequestAction.Auth } auth:
                Finish(s, txn, req, 401);
                HttpReplies.RetnClose(s.Si0, Encoding.Latin1.GetBytes(Challenge(auth.Realm ?? page.Realm ?? "HAProxy Statistics")));
                return Outcome.Answered;
        }

        if (page.Users.Count > 0 && !Authenticated(data, txn, page))
        {
            Finish(s, txn, req, 401);
            HttpReplies.RetnClose(s.Si0, Encoding.Latin1.GetBytes(Challenge(page.Realm ?? "HAProxy Statistics")));
            return Outcome.Answered;
        }

        if (txn.Meth == HttpMeth.Post)
        {
            var bodyStart = msg.Sov;
            var need = txn.ReqBodyLength;
            if (need > 0 && data.Length - bodyStart < need)
            {
                if (!req.IsFull && (req.Flags & ChannelFlags.ShutR) == 0)
                {
                    return Outcome.WaitBody;
                }
            }

            var avail = (int)Math.Min(Math.Max(0, data.Length - bodyStart), Math.Max(0, need));
            var code = IsAdmin(s, page) ? AdminPost(s.Loop, Encoding.Latin1.GetString(data.Slice(bodyStart, avail))) : "DENY";
            var redirect = "HTTP/1.0 303 See Other\r\nCache-Control: no-cache\r\nContent-Type: text/plain\r\nConnection: close\r\nLocation: "
                + page.UriText + ";st=" + code + "\r\n\r\n";
            Finish(s, txn, req, 303);
            HttpReplies.RetnClose(s.Si0, Encoding.Latin1.GetBytes(redirect));
            return Outcome.Answered;
        }

        var restText = Encoding.Latin1.GetString(rest);
        var csv = restText.Contains(";csv", StringComparison.Ordinal);
        var sb = new StringBuilder(16384);
        sb.Append("HTTP/1.0 200 OK\r\nCache-Control: no-cache\r\nConnection: close\r\nContent-Type: ")
            .Append(csv ? "text/plain" : "text/html").Append("\r\n");
        if (page.RefreshSeconds > 0 && !restText.Contains(";norefresh", StringComparison.Ordinal))
        {
            sb.Append("Refresh: ").Append(page.RefreshSeconds).Append("\r\n");
        }

        sb.Append("\r\n");
        if (txn.Meth != HttpMeth.Head)
        {
            if (csv)
            {
                StatsCsv.Write(sb, s.Loop, StatsFilter.All, p => InScope(page, p));
            }
            else
            {
                StatsHtml.Write(sb, s.Loop, px, page, restText, IsAdmin(s, page));
            }
        }

        Finish(s, txn, req, 200);
        StatsReply.Start(s, Encoding.Latin1.GetBytes(sb.ToString()));
        return Outcome.Answered;
    }

    /// <summary>True when <paramref name="p"/> is listed by a page with these scopes (no scope = all).</summary>
    public static bool InScope(StatsPageSettings page, Proxy p)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(p);
        if (page.Scopes.Count == 0)
        {
            return true;
        }

        foreach (var name in page.Scopes)
        {
            if (name == p.Name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The request ends here: status for the log, <c>PR</c> flags, no analyser left, no server.</summary>
    private static void Finish(Session s, HttpTxn txn, Channel req, int status)
    {
        txn.Status = status;
        req.Analysers = 0;
        s.Rep.Analysers = 0;
        s.SetErrIfNone(SessionError.PrxCond);
        s.SetFinIfNone(SessionFinState.R);
    }

    /// <summary>The stats 401 challenge for <paramref name="realm"/>.</summary>
    private static string Challenge(string realm) =>
        "HTTP/1.0 401 Unauthorized\r\nCache-Control: no-cache\r\nConnection: close\r\nContent-Type: text/html\r\nWWW-Authenticate: Basic realm=\""
        + realm + "\"\r\n\r\n<html><body><h1>401 Unauthorized</h1>\nYou need a valid user and password to access this content.\n</body></html>\n";

    /// <summary>The first <c>stats http-request</c> rule whose condition holds, null when none does.</summary>
    private static HttpRequestRuleRt? MatchingRule(Session s, StatsPageSettings page)
    {
        if (page.Rules.Count == 0)
        {
            return null;
        }

        var evaluator = new SessionAclEvaluator(s, partial: false);
        foreach (var rule in page.Rules)
        {
            if (Http.Rules.HttpRules.Holds(rule.Condition, ref evaluator))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary><c>stats admin if|unless</c>: the first condition that holds grants the admin rights.</summary>
    private static bool IsAdmin(Session s, StatsPageSettings page)
    {
        foreach (var cond in page.AdminConditions)
        {
            var ev = new SessionAclEvaluator(s, partial: false);
            var ret = cond.Execute(ref ev);
            if ((ret == AclMatchResult.Pass) != (cond.Polarity == AclConditionPolarity.Unless))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Basic authentication against the <c>stats auth</c> accounts.</summary>
    private static bool Authenticated(ReadOnlySpan<byte> data, HttpTxn txn, StatsPageSettings page)
    {
        var ctx = default(HdrCtx);
        if (!HttpHeaderOps.Find(data, txn.Req, txn.ReqIdx, "Authorization"u8, ref ctx))
        {
            return false;
        }

        var value = Encoding.Latin1.GetString(data.Slice(ctx.Val, ctx.VLen)).Trim();
        if (!value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.Latin1.GetString(Convert.FromBase64String(value[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        foreach (var (user, password) in page.Users)
        {
            if (decoded == user + ":" + password)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The admin form's POST (1.4.25's <c>http_process_req_stat_post</c>): <c>b</c> = backend (<c>#id</c> or name),
    /// <c>action</c> = disable/enable/stop/start, one <c>s</c> per server; returns the result code of the 303.
    /// </summary>
    public static string AdminPost(EngineLoop loop, string body)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(body);
        string? backend = null;
        string? action = null;
        var servers = new List<string>();
        foreach (var pair in body.Split('&'))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                continue;
            }

            var key = pair[..eq];
            var value = Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            switch (key)
            {
                case "b":
                    backend = value;
                    break;
                case "action":
                    if (value is not ("disable" or "enable" or "stop" or "start"))
                    {
                        return "ERRP";
                    }

                    action = value;
                    break;
                case "s":
                    servers.Add(value);
                    break;
            }
        }

        if (backend is null || action is null || servers.Count == 0)
        {
            return "NONE";
        }

        var px = ServerAdmin.FindBackend(loop, backend);
        var altered = 0;
        var total = 0; // altered servers plus unknown names, as 1.4 counts them
        foreach (var name in servers)
        {
            var sv = px is null ? null : ServerAdmin.FindServer(px, name);
            if (sv is null)
            {
                total++;
                continue;
            }

            if (px!.State == ProxyState.Stopped)
            {
                continue;
            }

            switch (action)
            {
                case "disable":
                    if ((sv.State & ServerState.Maintain) == 0)
                    {
                        ServerAdmin.Disable(loop, sv);
                        altered++;
                        total++;
                    }

                    break;
                case "enable":
                    if ((sv.State & ServerState.Maintain) != 0)
                    {
                        ServerAdmin.Enable(loop, sv);
                        altered++;
                        total++;
                    }

                    break;
                case "stop":
                    sv.UWeight = 0;
                    LoadBalancing.Slowstart.ServerRecalcEweight(sv, loop.Clock.NowSeconds);
                    altered++;
                    total++;
                    break;
                default:
                    sv.UWeight = sv.IWeight;
                    LoadBalancing.Slowstart.ServerRecalcEweight(sv, loop.Clock.NowSeconds);
                    altered++;
                    total++;
                    break;
            }
        }

        return total == 0 ? "NONE" : altered == 0 ? "ERRP" : altered == total ? "DONE" : "PART";
    }
}
