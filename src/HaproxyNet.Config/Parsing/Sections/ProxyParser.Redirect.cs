using HaproxyNet.Config.Acl;
using HaproxyNet.Config.Model.Rules;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Lexical;

namespace HaproxyNet.Config.Parsing.Sections;

internal static partial class ProxyParser
{
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
