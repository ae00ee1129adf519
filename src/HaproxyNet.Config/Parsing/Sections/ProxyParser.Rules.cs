using HaproxyNet.Config.Acl;
using HaproxyNet.Config.Model.Rules;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Lexical;

namespace HaproxyNet.Config.Parsing.Sections;

internal static partial class ProxyParser
{
    private static ErrorCode ParseAcl(ParseState s, LexedLine a, ProxyBuilder p)
    {
        if (p.IsDefaults)
        {
            return NotInDefaults(s, p, a[0]);
        }

        var err = ErrorCode.None;
        if (NameRules.InvalidChar(a[1]) is { } c)
        {
            err |= s.Alert($"{s.At}character '{c}' is not permitted in acl name '{a[1]}'.\n");
        }

        var args = a.Words.Skip(2).ToList();
        if (args.Count == 0 || !AclParser.TryParse(a[1], args, s.AclContext, out var def))
        {
            return err | s.Alert($"{s.At}error detected while parsing ACL '{a[1]}'.\n");
        }

        p.Acls.Declare(def);
        return err;
    }

    /// <summary><c>build_acl_cond</c> on the words from <paramref name="start"/>; null when it fails.</summary>
    private static AclCondition? BuildCondition(ParseState s, LexedLine a, ProxyBuilder p, int start)
    {
        if (!AclConditionParser.TryParse(a.Words, start, p.Acls, s.AclContext, out var cond))
        {
            return null;
        }

        p.Conditions.Add(cond);
        return cond;
    }

    /// <summary><c>warnif_cond_requires_resp</c>.</summary>
    private static ErrorCode WarnIfCondRequiresResponse(ParseState s, AclCondition? cond)
    {
        if (cond is null || (cond.Requires & AclUse.ResponseAny) == 0)
        {
            return ErrorCode.None;
        }

        var name = cond.FindRequire(AclUse.ResponseAny)?.Name ?? "(unknown)";
        return s.Warn($"{s.At}acl '{name}' involves some response-only criteria which will be ignored.\n");
    }

    /// <summary><c>warnif_cond_requires_req</c>.</summary>
    private static ErrorCode WarnIfCondRequiresRequest(ParseState s, AclCondition? cond)
    {
        if (cond is null || (cond.Requires & AclUse.RequestVolatile) == 0)
        {
            return ErrorCode.None;
        }

        var name = cond.FindRequire(AclUse.RequestVolatile)?.Name ?? "(unknown)";
        return s.Warn($"{s.At}acl '{name}' involves some volatile request-only criteria which will be ignored.\n");
    }

    private static ErrorCode ParseBlock(ParseState s, LexedLine a, ProxyBuilder p)
    {
        if (p.IsDefaults)
        {
            return NotInDefaults(s, p, a[0]);
        }

        if (a[1] is not ("if" or "unless"))
        {
            return s.Alert($"{s.At}'{a[0]}' requires either 'if' or 'unless' followed by a condition.\n");
        }

        var cond = BuildCondition(s, a, p, 1);
        if (cond is null)
        {
            return s.Alert($"{s.At}error detected while parsing blocking condition.\n");
        }

        p.BlockCount++;
        p.ConditionRules.Add(new ConditionRule(a[0], false, cond, s.Span));
        return WarnMisplaced(s, p, a[0], reqxxx: true, reqadd: true, redirect: true);
    }

    /// <summary>The <c>warnif_misplaced_*</c> family: a rule written after one that runs later.</summary>
    private static ErrorCode WarnMisplaced(ParseState s, ProxyBuilder p, string arg, bool reqxxx, bool reqadd, bool redirect)
    {
        string? after = null;
        if (reqxxx && p.RequestRegexCount > 0)
        {
            after = "reqxxx";
        }
        else if (reqadd && p.ReqAddCount > 0)
        {
            after = "reqadd";
        }
        else if (redirect && p.RedirectCount > 0)
        {
            after = "redirect";
        }
        else if (p.UseBackendRules.Count > 0)
        {
            after = "use_backend";
        }

        return after is null
            ? ErrorCode.None
            : s.Warn($"{s.At}a '{arg}' rule placed after a '{after}' rule will still be processed before.\n");
    }

    private static ErrorCode ParseUseBackend(ParseState s, LexedLine a, ProxyBuilder p)
    {
        if (p.IsDefaults)
        {
            return NotInDefaults(s, p, a[0]);
        }

        var err = WarnIfNotCap(s, p, Model.ProxyCapabilities.Frontend, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        if (a[1].Length == 0)
        {
            return err | s.Alert($"{s.At}'{a[0]}' expects a backend name.\n");
        }

        if (a[2] is not ("if" or "unless"))
        {
            return err | s.Alert($"{s.At}'{a[0]}' requires either 'if' or 'unless' followed by a condition.\n");
        }

        var cond = BuildCondition(s, a, p, 2);
        if (cond is null)
        {
            return err | s.Alert($"{s.At}error detected while parsing switching rule.\n");
        }

        err |= WarnIfCondRequiresResponse(s, cond);
        p.UseBackendRules.Add(new SwitchingRule(a[1], s.Span));
        p.SwitchingRules.Add(new SwitchingRuleLine(a[1], cond, s.Span));
        return err;
    }

    private static ErrorCode ParsePersistRule(ParseState s, LexedLine a, ProxyBuilder p)
    {
        if (p.IsDefaults)
        {
            return NotInDefaults(s, p, a[0]);
        }

        if (a[1] is not ("if" or "unless"))
        {
            return s.Alert($"{s.At}'{a[0]}' requires either 'if' or 'unless' followed by a condition.\n");
        }

        var cond = BuildCondition(s, a, p, 1);
        if (cond is null)
        {
            return s.Alert($"{s.At}error detected while parsing a '{a[0]}' rule.\n");
        }

        p.ConditionRules.Add(new ConditionRule(a[0], false, cond, s.Span));
        return WarnIfCondRequiresResponse(s, cond);
    }

    private static ErrorCode ParseMonitor(ParseState s, LexedLine a, ProxyBuilder p)
    {
        if (p.IsDefaults)
        {
            return NotInDefaults(s, p, a[0]);
        }

        var err = WarnIfNotCap(s, p, Model.ProxyCapabilities.Frontend, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        if (a[1] != "fail")
        {
            return err | s.Alert($"{s.At}'{a[0]}' only supports 'fail'.\n");
        }

        if (a[2] is not ("if" or "unless"))
        {
            return err | s.Alert($"{s.At}'{a[0]} {a[1]}' requires either 'if' or 'unless' followed by a condition.\n");
        }

        var cond = BuildCondition(s, a, p, 2);
        if (cond is null)
        {
            return err | s.Alert($"{s.At}error detected while parsing a '{a[0]} {a[1]}' condition.\n");
        }

        p.MonitorFailRules++;
        p.ConditionRules.Add(new ConditionRule("monitor fail", false, cond, s.Span));
        return err | WarnIfCondRequiresResponse(s, cond);
    }

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

    private static ErrorCode ParseRedirect(ParseState s, LexedLine a, ProxyBuilder p)
    {
        if (p.IsDefaults)
        {
            return NotInDefaults(s, p, a[0]);
        }

        var hasType = false;
        AclCondition? cond = null;
        var type = RedirectType.Location;
        var destination = string.Empty;
        var redirectCode = 302;
        bool dropQuery = false, appendSlash = false;
        string? setCookie = null, clearCookie = null;
        for (var i = 1; a[i].Length > 0; i++)
        {
            var w = a[i];
            switch (w)
            {
                case "location" or "prefix" or "scheme" or "set-cookie" or "clear-cookie":
                    if (a[i + 1].Length == 0)
                    {
                        return s.Alert($"{s.At}'{a[0]}': missing argument for '{w}'.\n");
                    }

                    hasType |= w is "location" or "prefix" or "scheme";
                    switch (w)
                    {
                        case "location":
                            (type, destination) = (RedirectType.Location, a[i + 1]);
                            break;
                        case "prefix":
                            (type, destination) = (RedirectType.Prefix, a[i + 1]);
                            break;
                        case "scheme":
                            (type, destination) = (RedirectType.Scheme, a[i + 1]);
                            break;
                        case "set-cookie":
                            setCookie = a[i + 1];
                            break;
                        default:
                            clearCookie = a[i + 1];
                            break;
                    }

                    i++;
                    break;
                case "code":
                    if (a[i + 1].Length == 0)
                    {
                        return s.Alert($"{s.At}'{a[0]}': missing HTTP code.\n");
                    }

                    i++;
                    var code = Values.IntegerGrammar.ParseLong(a[i]);
                    if (code is < 301 or > 308 || (code > 303 && code < 307))
                    {
                        return s.Alert($"{s.At}'{a[0]}': unsupported HTTP code '{a[i]}' (must be one of 301, 302, 303, 307 or 308).\n");
                    }

                    redirectCode = (int)code;
                    break;
                case "drop-query":
                    dropQuery = true;
                    break;
                case "append-slash":
                    appendSlash = true;
                    break;
                case "if" or "unless":
                    cond = BuildCondition(s, a, p, i);
                    if (cond is null)
                    {
                        return s.Alert($"{s.At}'{a[0]}': error detected while parsing redirect condition.\n");
                    }

                    goto done;
                default:
                    return s.Alert(
                        $"{s.At}'{a[0]}' expects 'code', 'prefix', 'location', 'scheme', 'set-cookie', 'clear-cookie', 'drop-query' or 'append-slash' (was '{w}').\n");
            }
        }

    done:
        if (!hasType)
        {
            return s.Alert($"{s.At}'{a[0]}' expects a redirection type ('prefix' or 'location').\n");
        }

        p.RedirectCount++;
        p.RedirectRules.Add(new RedirectRule(type, destination, redirectCode, dropQuery, appendSlash, setCookie, clearCookie, cond, s.Span));
        var err = WarnMisplaced(s, p, a[0], reqxxx: false, reqadd: false, redirect: false);
        return err | WarnIfCondRequiresResponse(s, cond);
    }
}
