using HaproxyNet.Config.Acl;
using HaproxyNet.Config.Model;
using HaproxyNet.Config.Model.Rules;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Lexical;

namespace HaproxyNet.Config.Parsing.Sections;

internal static partial class ProxyParser
{
    /// <summary>The <c>req*</c>/<c>rsp*</c> regex rules (<c>create_cond_regex_rule</c> and its callers).</summary>
    private static ErrorCode ParseRegexRule(ParseState s, LexedLine a, ProxyBuilder p, RegexRule action, bool icase, bool request)
    {
        var cmd = a[0];
        var legacy = cmd is "cliexp" or "srvexp";
        var hasSecond = action is RegexRule.Replace or RegexRule.SetBackend;
        if (hasSecond && a[2].Length == 0)
        {
            return s.Alert($"{s.At}'{cmd}' expects <search> and <replace> as arguments.\n");
        }

        if (p.IsDefaults)
        {
            return NotInDefaults(s, p, cmd);
        }

        var regex = a[1];
        if (regex.Length == 0)
        {
            return s.Alert($"{s.At}'{cmd}' expects <regex> as an argument.\n");
        }

        var err = WarnIfNotCap(s, p, ProxyCapabilities.Ruleset, cmd) ? ErrorCode.Warn : ErrorCode.None;
        var condAt = hasSecond ? 3 : 2;
        AclCondition? cond = null;
        if (!legacy)
        {
            if (a[condAt] is "if" or "unless")
            {
                cond = BuildCondition(s, a, p, condAt);
                if (cond is null)
                {
                    return err | s.Alert($"{s.At}error detected while parsing a '{cmd}' condition.\n");
                }
            }
            else if (a[condAt].Length > 0)
            {
                return err | s.Alert($"{s.At}'{cmd}' : Expecting nothing, 'if', or 'unless', got '{a[condAt]}'.\n");
            }
        }

        err |= request ? WarnIfCondRequiresResponse(s, cond) : WarnIfCondRequiresRequest(s, cond);
        if (!PosixRegex.TryCompile(regex, icase, out var compiled))
        {
            return s.Alert($"{s.At}'{cmd}' : bad regular expression '{regex}'.\n");
        }

        // chain_regex runs check_replace_string on any second argument (the reqsetbe backend name too)
        if (hasSecond && !PosixReplacement.TryParse(a[2], new DiagnosticsSink(s.Diag), out _, out var bad))
        {
            return err | s.Alert($"{s.At}'{cmd}' : invalid character or unterminated sequence in replacement string near '{bad}'.\n");
        }

        p.RegexRules.Add(new HeaderRegexRule(request, (RegexAction)action, compiled, hasSecond ? a[2] : null, cond, s.Span));
        if (request)
        {
            p.RequestRegexCount++;
            if (action == RegexRule.SetBackend)
            {
                p.SetBackendRules.Add(new SwitchingRule(a[2], s.Span));
            }

            err |= WarnMisplaced(s, p, cmd, reqxxx: false, reqadd: true, redirect: true);
        }
        else
        {
            p.ResponseRegexCount++;
        }

        return err;
    }

    /// <summary><c>reqadd</c> / <c>rspadd &lt;header&gt; [{if|unless} cond]</c>.</summary>
    private static ErrorCode ParseHeaderAdd(ParseState s, LexedLine a, ProxyBuilder p, bool request)
    {
        if (p.IsDefaults)
        {
            return NotInDefaults(s, p, a[0]);
        }

        var err = WarnIfNotCap(s, p, ProxyCapabilities.Ruleset, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        if (a[1].Length == 0)
        {
            return err | s.Alert($"{s.At}'{a[0]}' expects <header> as an argument.\n");
        }

        AclCondition? cond = null;
        if (a[2] is "if" or "unless")
        {
            cond = BuildCondition(s, a, p, 2);
            if (cond is null)
            {
                return err | s.Alert($"{s.At}error detected while parsing a '{a[0]}' condition.\n");
            }

            err |= request ? WarnIfCondRequiresResponse(s, cond) : WarnIfCondRequiresRequest(s, cond);
        }
        else if (a[2].Length > 0)
        {
            return err | s.Alert($"{s.At}'{a[0]}' : Expecting nothing, 'if', or 'unless', got '{a[2]}'.\n");
        }

        p.HeaderAddRules.Add(new HeaderAddRule(request, a[1], cond, s.Span));
        if (request)
        {
            p.ReqAddCount++;
            err |= WarnMisplaced(s, p, a[0], reqxxx: false, reqadd: false, redirect: true);
        }

        return err;
    }
}
