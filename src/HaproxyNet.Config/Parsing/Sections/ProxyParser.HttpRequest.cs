using HaproxyNet.Config.Acl;
using HaproxyNet.Config.Model.Rules;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Lexical;

namespace HaproxyNet.Config.Parsing.Sections;

internal static partial class ProxyParser
{
    private static ErrorCode ParseHttpRequest(ParseState s, LexedLine a, ProxyBuilder p)
    {
        if (p.IsDefaults)
        {
            return NotInDefaults(s, p, a[0], noSpace: true);
        }

        var err = ErrorCode.None;
        if (p.HttpRequestRules > 0 && !p.LastHttpRequestHasCondition)
        {
            err |= s.Warn($"{s.AtNoSpace}previous '{a[0]}' action has no condition attached, further entries are NOOP.\n");
        }

        var rule = ParseAuthCond(s, a, p, 1, out var hasCond, out var parsed);
        if ((rule & ErrorCode.Abort) != 0)
        {
            return err | rule;
        }

        p.HttpRequestRuleList.Add(parsed!);
        err |= rule;

        p.HttpRequestRules++;
        p.LastHttpRequestHasCondition = hasCond;
        return err;
    }

    /// <summary><c>auth.c parse_auth_cond</c>: any failure aborts the whole configuration parsing.</summary>
    private static ErrorCode ParseAuthCond(
        ParseState s, LexedLine a, ProxyBuilder p, int first, out bool hasCondition, out HttpRequestRule? rule)
    {
        hasCondition = false;
        rule = null;
        string? realm = null;
        var action = a[first];
        int cur;
        if (action is "allow" or "deny")
        {
            cur = first + 1;
        }
        else if (action == "auth")
        {
            cur = first + 1;
            while (a[cur] == "realm")
            {
                realm = a[cur + 1];
                cur += 2;
            }
        }
        else
        {
            var next = a[first + 1];
            var what = next.Length > 0 ? "unknown parameter" : "missing keyword in";
            var word = next.Length > 0 ? next : action;
            return s.Alert($"{s.AtNoSpace}{what} '{word}', expects 'allow', 'deny', 'auth'.\n", ErrorCode.Alert | ErrorCode.Abort);
        }

        if (a[cur] is "if" or "unless")
        {
            var cond = BuildCondition(s, a, p, cur);
            if (cond is null)
            {
                return s.Alert($"{s.At}error detected while parsing an 'http-request {action}' condition.\n", ErrorCode.Alert | ErrorCode.Abort);
            }

            hasCondition = true;
            rule = new HttpRequestRule(ToAction(action), realm, cond, s.Span);
            return WarnIfCondRequiresResponse(s, cond) == ErrorCode.None ? ErrorCode.None : ErrorCode.Warn;
        }

        if (a[cur].Length > 0)
        {
            return s.Alert(
                $"{s.AtNoSpace}'http-request {action}' expects 'realm' for 'auth' or either 'if' or 'unless' followed by a condition but found '{a[cur]}'.\n",
                ErrorCode.Alert | ErrorCode.Abort);
        }

        rule = new HttpRequestRule(ToAction(action), realm, null, s.Span);
        return ErrorCode.None;
    }

    private static HttpRequestAction ToAction(string word) => word switch
    {
        "allow" => HttpRequestAction.Allow,
        "deny" => HttpRequestAction.Deny,
        _ => HttpRequestAction.Auth,
    };
}
