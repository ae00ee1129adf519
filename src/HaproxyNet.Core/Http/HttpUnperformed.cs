using Cfg = HaproxyNet.Config.Model;

namespace HaproxyNet.Core.Http;

/// <summary>
/// The HTTP features a proxy section configures that this engine does not perform yet (the rule layer of issue 8,
/// stats pages). The host prints them in a start-up [WARNING] so that no configured feature is silently ignored.
/// </summary>
public static class HttpUnperformed
{
    /// <summary>The keywords of <paramref name="s"/> that are accepted but not performed, in a stable order.</summary>
    public static IReadOnlyList<string> Features(Cfg.ProxySection s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var list = new List<string>();
        if (s.Mode != Cfg.ProxyMode.Http)
        {
            return list;
        }

        foreach (var rule in s.ConditionRules)
        {
            if (rule.Keyword is "block" or "force-persist" or "ignore-persist" && !list.Contains(rule.Keyword))
            {
                list.Add(rule.Keyword);
            }
        }

        Add(list, s.HttpRequestRules.Count > 0, "http-request");
        Add(list, s.RegexRules.Count > 0, "req*/rsp* header filters (reqrep, reqdel, reqdeny, reqtarpit, reqsetbe, rsprep, ...)");
        Add(list, s.HeaderAddRules.Count > 0, "reqadd/rspadd");
        Add(list, s.RedirectRules.Count > 0, "redirect");
        Add(list, s.CookieName is not null, "cookie");
        Add(list, s.CaptureCookie is not null, "capture cookie");
        Add(list, s.AppSessionName is not null, "appsession");
        Add(list, s.ForwardForHeader is not null, "option forwardfor");
        Add(list, s.OriginalToHeader is not null, "option originalto");
        Add(list, s.Options.Contains("http_proxy"), "option http_proxy");
        Add(list, s.Options.Contains("checkcache"), "option checkcache");
        Add(list, s.Stats is not null, "stats");
        Add(list, s.HttpSendNameHeader is not null, "http-send-name-header");
        Add(list, s.UrlParamPostLimit > 0, "balance url_param check_post");
        Add(list, s.StickRules.Count > 0, "stick rules");
        foreach (var srv in s.Servers)
        {
            if (srv.RedirectPrefix is not null)
            {
                list.Add("server redir");
                break;
            }
        }

        return list;
    }

    private static void Add(List<string> list, bool configured, string name)
    {
        if (configured)
        {
            list.Add(name);
        }
    }
}
