using HaproxyNet.Config.Acl;
using HaproxyNet.Config.Model;
using HaproxyNet.Config.Model.Rules;
using HaproxyNet.Config.Parsing;
using HaproxyNet.Config.Parsing.Builders;

namespace HaproxyNet.Config.Validation;

internal static partial class ConfigValidator
{
    /// <summary>
    /// Step 12: <c>stats auth</c>/<c>realm</c> cannot be mixed with <c>stats http-request</c>; otherwise the
    /// <c>stats auth</c> users become the implicit rule <c>auth [realm &lt;r&gt;] unless { http_auth(.internal-stats-userlist) }</c>.
    /// </summary>
    /// <remarks>
    /// The "uri_auth compat" block of <c>check_config_validity</c>. Done once per stats object
    /// (<c>ST_CONVDONE</c>): proxies sharing the defaults' stats share the rule, and the anonymous ACL lands in the
    /// first proxy converted, as in 1.4. Returns the number of errors.
    /// </remarks>
    private static int ConvertStatsAuth(ParseState s, ProxyBuilder p)
    {
        if (p.Stats is not { ConvDone: false } st)
        {
            return 0;
        }

        if (st.HttpRequestRules > 0 && (st.Users.Count > 0 || st.Realm is not null))
        {
            s.Diag.Alert($"proxy '{p.Name}': stats 'auth'/'realm' and 'http-request' can't be used at the same time.\n");
            return 1;
        }

        if (st.Users.Count == 0)
        {
            return 0;
        }

        List<string> words = ["auth"];
        if (st.Realm is not null)
        {
            words.Add("realm");
            words.Add(st.Realm);
        }

        var unless = words.Count;
        words.AddRange(["unless", "{", $"http_auth({AclTargetResolver.InternalStatsUserlist})", "}"]);
        var context = new AclParseContext("internal-stats-auth-compat", 0, s.Environment, new DiagnosticsSink(s.Diag));
        if (!AclConditionParser.TryParse(words, unless, p.Acls, context, out var cond))
        {
            // cannot happen with this fixed text; 1.4 would print its parse alert and fail the same way
            return 1;
        }

        p.Conditions.Add(cond);
        st.AuthRule = new HttpRequestRule(HttpRequestAction.Auth, st.Realm, cond, new SourceSpan("internal-stats-auth-compat", 0));
        st.ConvDone = true;
        return 0;
    }
}
