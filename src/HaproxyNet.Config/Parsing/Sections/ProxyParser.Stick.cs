using HaproxyNet.Config.Model;
using HaproxyNet.Config.Model.Rules;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Lexical;
using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Parsing.Sections;

internal static partial class ProxyParser
{
    /// <summary>Pattern fetches 1.4.25 knows for stick rules (all request-side).</summary>
    private static readonly HashSet<string> StickFetches = ["src", "dst", "dst_port", "hdr"];

    private static ErrorCode ParseStickTable(ParseState s, LexedLine a, ProxyBuilder p)
    {
        p.StickTableType = null;
        for (var i = 1; a[i].Length > 0;)
        {
            switch (a[i])
            {
                case "size":
                    i++;
                    if (a[i].Length == 0)
                    {
                        return s.Alert($"{s.At}stick-table: missing argument after '{a[i - 1]}'.\n");
                    }

                    if (!SizeGrammar.TryParseSize(a[i], out var size, out var bad))
                    {
                        return s.Alert($"{s.At}stick-table: unexpected character '{bad ?? a[i][0]}' in argument of '{a[i - 1]}'.\n");
                    }

                    p.StickTableSize = size;
                    i++;
                    break;
                case "expire":
                    i++;
                    if (a[i].Length == 0)
                    {
                        return s.Alert($"{s.At}stick-table: missing argument after '{a[i - 1]}'.\n");
                    }

                    var t = TimeGrammar.ParseTime(a[i], TimeUnit.Milliseconds);
                    if (!t.Ok)
                    {
                        return s.Alert($"{s.At}stick-table: unexpected character '{t.BadChar}' in argument of '{a[i - 1]}'.\n");
                    }

                    p.StickTableExpire = t.Value;
                    i++;
                    break;
                case "nopurge":
                    p.StickTableNoPurge = true;
                    i++;
                    break;
                case "type":
                    i++;
                    if (a[i] is not ("ip" or "integer" or "string"))
                    {
                        return s.Alert($"{s.At}stick-table: unknown type '{a[i]}'.\n");
                    }

                    p.StickTableType = a[i];
                    p.StickTableKeyLength = a[i] == "string" ? 32 : a[i] == "ip" ? 4 : 4;
                    i++;
                    if (p.StickTableType == "string" && a[i] == "len")
                    {
                        p.StickTableKeyLength = IntegerGrammar.ParseInt(a[i + 1]);
                        i += 2;
                    }

                    break;
                default:
                    return s.Alert($"{s.At}stick-table: unknown argument '{a[i]}'.\n");
            }
        }

        if (p.StickTableSize == 0)
        {
            return s.Alert($"{s.At}stick-table: missing size.\n");
        }

        if (p.StickTableType is null)
        {
            return s.Alert($"{s.At}stick-table: missing type.\n");
        }

        return ErrorCode.None;
    }

    private static ErrorCode ParseStick(ParseState s, LexedLine a, ProxyBuilder p)
    {
        if (p.IsDefaults)
        {
            return NotInDefaults(s, p, a[0]);
        }

        if (WarnIfNotCap(s, p, ProxyCapabilities.Backend, a[0]))
        {
            return ErrorCode.Warn;
        }

        bool store, onResponse = false;
        switch (a[1])
        {
            case "store" or "store-request":
                store = true;
                break;
            case "store-response":
                store = onResponse = true;
                break;
            case "match":
                store = false;
                break;
            case "on":
                store = true;
                break;
            default:
                return s.Alert($"{s.At}'{a[0]}' expects 'on', 'match', or 'store'.\n");
        }

        var i = 2;
        if (a[i].Length == 0)
        {
            return s.Alert($"{s.At}'{a[0]}' expects a fetch method.\n");
        }

        var fetch = a[i].Split(',')[0];
        var paren = fetch.IndexOf('(', StringComparison.Ordinal);
        var fetchName = paren < 0 ? fetch : fetch[..paren];
        if (!StickFetches.Contains(fetchName))
        {
            return s.Alert($"{s.At}'{a[0]}': unknown fetch method '{a[i]}'.\n");
        }

        if (onResponse)
        {
            return s.Alert($"{s.At}'{a[0]}': fetch method '{a[i]}' can not be used on response.\n");
        }

        i++;
        string? table = null;
        if (a[i] == "table")
        {
            table = a[i + 1];
            i += 2;
        }

        Acl.AclCondition? cond = null;
        if (a[i] is "if" or "unless")
        {
            cond = BuildCondition(s, a, p, i);
            if (cond is null)
            {
                return s.Alert($"{s.At}'{a[0]}': error detected while parsing sticking condition.\n");
            }
        }
        else if (a[i].Length > 0)
        {
            return s.Alert($"{s.At}'{a[0]}': unknown keyword '{a[i]}'.\n");
        }

        p.StickRules.Add(new StickRule(table, store, onResponse, fetchName == "dst_port" ? "integer" : "ip"));
        p.StickRuleLines.Add(new StickRuleLine(a[1] is "on" or "match", store, a[2], table, cond, s.Span));
        return WarnIfCondRequiresResponse(s, cond);
    }
}
