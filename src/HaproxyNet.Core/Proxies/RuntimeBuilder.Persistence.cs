using System.Text;
using HaproxyNet.Core.Http.Persistence;
using Cfg = HaproxyNet.Config.Model;

namespace HaproxyNet.Core.Proxies;

/// <summary>The persistence part of the config model → runtime mapping (cookie, appsession, persist rules, redir).</summary>
public static partial class RuntimeBuilder
{
    private static void MapPersistence(Cfg.ProxySection s, Proxy p)
    {
        // Server options first: redir is refused outside mode http by the parser, cookie is harmless there.
        for (var i = 0; i < s.Servers.Count && i < p.Servers.Count; i++)
        {
            var line = s.Servers[i];
            var srv = p.Servers[i];
            srv.CookieValue = line.Cookie is { } ck ? Encoding.Latin1.GetBytes(ck) : null;
            srv.RedirectPrefix = line.RedirectPrefix is { } rdr ? Encoding.Latin1.GetBytes(rdr) : null;
        }

        p.PersistRdpCookie = s.PersistRdpCookie;
        if (s.Mode != Cfg.ProxyMode.Http)
        {
            return;
        }

        if (s.CookieName is { } name)
        {
            p.CookieName = Encoding.Latin1.GetBytes(name);
            var o = CookieOptions.None;
            foreach (var m in s.CookieModes)
            {
                o |= m switch
                {
                    "rewrite" => CookieOptions.Rewrite,
                    "indirect" => CookieOptions.Indirect,
                    "insert" => CookieOptions.Insert,
                    "prefix" => CookieOptions.Prefix,
                    "nocache" => CookieOptions.NoCache,
                    "postonly" => CookieOptions.PostOnly,
                    "preserve" => CookieOptions.Preserve,
                    "httponly" => CookieOptions.HttpOnly,
                    "secure" => CookieOptions.Secure,
                    _ => CookieOptions.None,
                };
            }

            p.CookieOpts = o;
            if (s.CookieDomains.Count > 0)
            {
                // 1.4 keeps one string: "a; domain=b; domain=c" after the first "; domain=".
                p.CookieDomain = Encoding.Latin1.GetBytes(string.Join("; domain=", s.CookieDomains));
            }

            p.CookieMaxIdle = (int)s.CookieMaxIdle;
            p.CookieMaxLife = (int)s.CookieMaxLife;
        }

        if (s.CaptureCookie is { } cap)
        {
            p.CaptureCookieName = Encoding.Latin1.GetBytes(cap.Name);
            p.CaptureCookieLength = cap.Length;
        }

        foreach (var rule in s.ConditionRules)
        {
            if (rule.Keyword is "force-persist" or "ignore-persist" && rule.Condition is { } cond)
            {
                p.PersistRules.Add(new PersistRule(rule.Keyword == "force-persist", cond));
            }
        }

        if (s.AppSessionName is { } app)
        {
            p.AppSession = new AppSessionTable(app, s.AppSessionLength, (int)s.AppSessionTimeout, s.AppSessionRequestLearn,
                s.AppSessionPrefix, s.AppSessionQueryString ? AppSessionMode.QueryString : AppSessionMode.PathParameters);
        }
    }

    private static void BuildStickTable(Cfg.ProxySection s, Proxy p)
    {
        if (s.StickTable is { } t)
        {
            var type = t.Type switch
            {
                "ip" => Stick.StickKeyType.Ip,
                "integer" => Stick.StickKeyType.Integer,
                _ => Stick.StickKeyType.String,
            };
            p.StickTable = new Stick.StickTable(type, t.KeyLength, (int)Math.Min(t.Size, int.MaxValue), (int)t.ExpireMs, t.NoPurge);
        }
    }

    private static void ResolveStickRules(Cfg.ProxySection section, Proxy p, Dictionary<string, (Cfg.ProxySection Section, Proxy Proxy)> byName)
    {
        foreach (var rule in section.StickRules)
        {
            var table = rule.Table is { } name ? (byName.TryGetValue(name, out var other) ? other.Proxy.StickTable : null) : p.StickTable;
            if (table is null)
            {
                continue;
            }

            var pattern = rule.Pattern.Split(',')[0];
            var paren = pattern.IndexOf('(', StringComparison.Ordinal);
            var fetchName = paren < 0 ? pattern : pattern[..paren];
            var fetch = fetchName switch
            {
                "src" => Stick.StickFetch.Src,
                "dst" => Stick.StickFetch.Dst,
                "dst_port" => Stick.StickFetch.DstPort,
                _ => Stick.StickFetch.Hdr,
            };
            byte[]? header = null;
            if (fetch == Stick.StickFetch.Hdr)
            {
                var close = pattern.IndexOf(')', StringComparison.Ordinal);
                header = Encoding.Latin1.GetBytes(paren >= 0 && close > paren ? pattern[(paren + 1)..close] : string.Empty);
            }

            p.StickRules.Add(new Stick.StickRule(rule.Match, rule.Store, fetch, header, table, rule.Condition));
        }
    }
}
