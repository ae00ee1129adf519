using HaproxyNet.Config.Model;
using HaproxyNet.Config.Model.Rules;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Lexical;
using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Parsing.Sections;

internal static partial class ProxyParser
{
    /// <summary>Proxy <c>stats ...</c>: any line detaches the proxy from the defaults' stats object first.</summary>
    private static ErrorCode ParseStats(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var err = WarnIfNotCap(s, p, ProxyCapabilities.Backend, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        if (!p.IsDefaults && p.Stats is not null && ReferenceEquals(p.Stats, s.Defaults.Stats))
        {
            p.Stats = null;
        }

        var kw = a[1];
        switch (kw)
        {
            case "admin":
                if (p.IsDefaults)
                {
                    return err | s.Alert($"{s.AtNoSpace}'{a[0]} {a[1]}' not allowed in 'defaults' section.\n");
                }

                p.Stats ??= new StatsBuilder();
                if (a[2] is not ("if" or "unless"))
                {
                    return err | s.Alert($"{s.At}'{a[0]} {a[1]}' requires either 'if' or 'unless' followed by a condition.\n");
                }

                var adminCond = BuildCondition(s, a, p, 2);
                if (adminCond is null)
                {
                    return err | s.Alert($"{s.At}error detected while parsing a '{a[0]} {a[1]}' rule.\n");
                }

                p.ConditionRules.Add(new ConditionRule("stats admin", true, adminCond, s.Span));
                p.Stats.AdminRules++;
                return err;
            case "uri":
                if (a[2].Length == 0)
                {
                    return err | s.Alert($"{s.At}'uri' needs an URI prefix.\n");
                }

                (p.Stats ??= new StatsBuilder()).Uri = a[2];
                return err;
            case "realm":
                if (a[2].Length == 0)
                {
                    return err | s.Alert($"{s.At}'realm' needs an realm name.\n");
                }

                (p.Stats ??= new StatsBuilder()).Realm = a[2];
                return err;
            case "refresh":
                var t = TimeGrammar.ParseTime(a[2], TimeUnit.Seconds);
                if (!t.Ok)
                {
                    return err | s.Alert($"{s.At}unexpected character '{t.BadChar}' in stats refresh interval.\n");
                }

                (p.Stats ??= new StatsBuilder()).RefreshSeconds = (int)t.Value;
                return err;
            case "http-request":
                if (p.IsDefaults)
                {
                    return err | s.Alert($"{s.AtNoSpace}'{a[0]}' not allowed in 'defaults' section.\n");
                }

                var st = p.Stats ??= new StatsBuilder();
                if (st.HttpRequestRules > 0 && !st.LastHttpRequestHasCondition)
                {
                    err |= s.Warn($"{s.AtNoSpace}previous '{a[0]}' action has no condition attached, further entries are NOOP.\n");
                }

                var rc = ParseAuthCond(s, a, p, 2, out var hasCond, out var parsedRule);
                if ((rc & ErrorCode.Abort) != 0)
                {
                    return err | rc;
                }

                if (parsedRule is not null)
                {
                    st.HttpRequestRuleList.Add(parsedRule);
                }

                st.HttpRequestRules++;
                st.LastHttpRequestHasCondition = hasCond;
                return err | rc;
            case "auth":
                if (a[2].Length == 0)
                {
                    return err | s.Alert($"{s.At}'auth' needs a user:password account.\n");
                }

                var stats = p.Stats ??= new StatsBuilder();
                var colon = a[2].IndexOf(':', StringComparison.Ordinal);
                var user = colon < 0 ? a[2] : a[2][..colon];
                if (stats.Users.Contains(user))
                {
                    err |= s.Warn($"uri auth: ignoring duplicated user '{user}'.\n");
                }
                else
                {
                    stats.Users.Add(user);
                    stats.Passwords.Add(colon < 0 ? string.Empty : a[2][(colon + 1)..]);
                }

                return err;
            case "scope":
                if (a[2].Length == 0)
                {
                    return err | s.Alert($"{s.At}'scope' needs a proxy name.\n");
                }

                (p.Stats ??= new StatsBuilder()).Scopes.Add(a[2]);
                return err;
            case "enable":
                p.Stats ??= new StatsBuilder();
                return err;
            case "hide-version":
                (p.Stats ??= new StatsBuilder()).HideVersion = true;
                return err;
            case "show-legends":
                (p.Stats ??= new StatsBuilder()).ShowLegends = true;
                return err;
            case "show-node":
                if (a[2].Length > 0 && a[2].Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.')))
                {
                    return err | s.Alert(
                        $"{s.AtNoSpace}'{a[0]} {a[1]}' invalid node name - should be a stringwith digits(0-9), letters(A-Z, a-z), hyphen(-) or underscode(_).\n");
                }

                var sn = p.Stats ??= new StatsBuilder();
                sn.ShowNodeSet = true;
                sn.ShowNode = a[2].Length > 0 ? a[2] : null;
                return err;
            case "show-desc":
                if (a[2].Length == 0 && s.Global.Description is null)
                {
                    err |= s.Warn($"{s.AtNoSpace}'{a[1]}' requires a parameter or 'desc' to be set in the global section.\n");
                }

                var sd = p.Stats ??= new StatsBuilder();
                sd.ShowDescSet = true;
                sd.ShowDesc = a[2].Length > 0 ? string.Join(' ', a.Words.Skip(2)) : null;
                return err;
            default:
                var what = kw.Length > 0 ? "unknown stats parameter" : "missing keyword in";
                var word = kw.Length > 0 ? kw : a[0];
                return err | s.Alert(
                    $"{s.AtNoSpace}{what} '{word}', expects 'admin', 'uri', 'realm', 'auth', 'scope', 'enable', 'hide-version', 'show-node', 'show-desc' or 'show-legends'.\n");
        }
    }
}
