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
}
