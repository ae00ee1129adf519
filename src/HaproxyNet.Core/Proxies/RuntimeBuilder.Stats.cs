using System.Text;
using HaproxyNet.Core.Stats;
using Cfg = HaproxyNet.Config.Model;

namespace HaproxyNet.Core.Proxies;

/// <summary>The stats page settings and <c>option socket-stats</c> (1.4's <c>uri_auth</c>, PR_O_SOCKET_STATS).</summary>
public static partial class RuntimeBuilder
{
    private static void MapStats(Cfg.ProxySection s, Proxy p)
    {
        p.SocketStats = s.Options.Contains("socket-stats");
        if (s.Stats is not { } st || s.Mode != Cfg.ProxyMode.Http)
        {
            return;
        }

        var page = new StatsPageSettings
        {
            Uri = Encoding.Latin1.GetBytes(st.Uri),
            UriText = st.Uri,
            Realm = st.Realm,
            RefreshSeconds = st.RefreshSeconds,
            HideVersion = st.HideVersion,
            ShowLegends = st.ShowLegends,
            ShowNode = st.ShowNode ? st.NodeName ?? string.Empty : null,
            ShowDesc = st.ShowDesc ? st.Description ?? string.Empty : null,
        };
        if (st.AuthUserList is { } users)
        {
            foreach (var u in users.Users)
            {
                page.Users.Add((u.Name, u.Password ?? string.Empty));
            }
        }

        foreach (var rule in st.HttpRequestRuleList)
        {
            page.Rules.Add(new HttpRequestRuleRt(rule.Action, rule.Realm, rule.Condition));
        }

        foreach (var scope in st.Scopes)
        {
            page.Scopes.Add(scope == "." ? p.Name : scope);
        }

        foreach (var rule in s.ConditionRules)
        {
            if (rule.Keyword == "stats admin" && rule.Condition is { } cond)
            {
                page.AdminConditions.Add(cond);
            }
        }

        p.StatsPage = page;
    }
}
