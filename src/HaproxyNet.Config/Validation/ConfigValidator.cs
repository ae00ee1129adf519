using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing;
using HaproxyNet.Config.Parsing.Builders;

namespace HaproxyNet.Config.Validation;

/// <summary>The post-parse pass: resolves references, fills computed defaults and emits 1.4's check messages.</summary>
/// <remarks>Mirrors <c>cfgparse.c check_config_validity</c>, in its order (CONFIG.md §5).</remarks>
internal static partial class ConfigValidator
{
    public static ErrorCode CheckConfigValidity(ParseState s)
    {
        var err = ErrorCode.None;
        var cfgerr = 0;
        if (s.Proxies.Count == 0)
        {
            s.Diag.Alert("config : no <listen> line. Nothing to do !\n");
            return ErrorCode.Alert | ErrorCode.Fatal;
        }

        var nextId = 1;
        foreach (var p in s.Proxies)
        {
            if (p.Id == 0)
            {
                nextId = NextFreeId(s.UsedProxyIds.Keys, nextId);
                p.Id = nextId;
                s.UsedProxyIds[nextId] = p;
            }

            nextId++;
            if (p.Disabled)
            {
                continue;
            }

            err |= CheckProxy(s, p, ref cfgerr);
        }

        if (Math.Max(s.Global.NbProc, 1) > 1 && s.Global.StatsSocket is not null)
        {
            s.Diag.Warning("stats socket will not work correctly in multi-process mode (nbproc > 1).\n");
            err |= ErrorCode.Warn;
        }

        cfgerr += CheckUserLists(s);
        if (cfgerr > 0)
        {
            err |= ErrorCode.Alert | ErrorCode.Fatal;
        }

        return err;
    }

    /// <summary><c>get_next_id</c>: the first id at or above <paramref name="from"/> not in use.</summary>
    internal static int NextFreeId(IEnumerable<int> used, int from)
    {
        var set = used as ICollection<int> ?? used.ToList();
        while (set.Contains(from))
        {
            from++;
        }

        return from;
    }

    private static int CheckUserLists(ParseState s)
    {
        // 1.4 links userlists and users at the head of their lists: newest first
        for (var li = s.UserLists.Count - 1; li >= 0; li--)
        {
            var ul = s.UserLists[li];
            for (var ui = ul.Users.Count - 1; ui >= 0; ui--)
            {
                var u = ul.Users[ui];
                foreach (var g in u.Groups)
                {
                    if (!ul.Groups.Exists(x => x.Name == g))
                    {
                        s.Diag.Alert($"userlist '{ul.Name}': no such group '{g}' specified in user '{u.Name}'\n");
                        return 1;
                    }
                }
            }

            foreach (var g in ul.Groups)
            {
                foreach (var u in g.Users)
                {
                    if (!ul.Users.Exists(x => x.Name == u))
                    {
                        s.Diag.Alert($"userlist '{ul.Name}': no such user '{u}' specified in group '{g.Name}'\n");
                        return 1;
                    }
                }
            }
        }

        return 0;
    }

    /// <summary>1.4's <c>proxy_mode_str</c>.</summary>
    private static string ModeString(ProxyMode m) => m switch
    {
        ProxyMode.Http => "http",
        ProxyMode.Health => "health",
        _ => "tcp",
    };

    /// <summary>
    /// <c>findproxy_mode</c>: the single proxy named <paramref name="name"/> with <paramref name="cap"/> and a
    /// compatible mode (a tcp requester may use an http proxy), with 1.4's alerts on mismatch or duplicates.
    /// </summary>
    private static ProxyBuilder? FindProxyMode(ParseState s, string name, ProxyMode mode, ProxyCapabilities cap)
    {
        ProxyBuilder? target = null;
        foreach (var px in s.Proxies)
        {
            if ((px.Capabilities & cap) != cap || px.Name != name)
            {
                continue;
            }

            if (px.Mode != mode && !(px.Mode == ProxyMode.Http && mode == ProxyMode.Tcp))
            {
                s.Diag.Alert($"Unable to use proxy '{name}' with wrong mode, required: {ModeString(mode)}, has: {ModeString(px.Mode)}.\n");
                s.Diag.Alert($"You may want to use 'mode {ModeString(mode)}'.\n");
                return null;
            }

            if (target is null)
            {
                target = px;
                continue;
            }

            s.Diag.Alert($"Refusing to use duplicated proxy '{name}' with overlapping capabilities: {px.TypeString}/{target.TypeString}!\n");
            return null;
        }

        return target;
    }

    /// <summary><c>findproxy</c>: like <see cref="FindProxyMode"/> without the mode rule.</summary>
    internal static ProxyBuilder? FindProxy(ParseState s, string name, ProxyCapabilities cap)
    {
        ProxyBuilder? target = null;
        foreach (var px in s.Proxies)
        {
            if ((px.Capabilities & cap) != cap || px.Name != name)
            {
                continue;
            }

            if (target is null)
            {
                target = px;
                continue;
            }

            s.Diag.Alert($"Refusing to use duplicated proxy '{name}' with overlapping capabilities: {px.TypeString}/{target.TypeString}!\n");
            return null;
        }

        return target;
    }

    /// <summary><c>findserver</c>: null when absent or when the name is used twice in the proxy.</summary>
    internal static ServerBuilder? FindServer(ParseState s, ProxyBuilder px, string name)
    {
        ServerBuilder? target = null;
        foreach (var srv in px.Servers)
        {
            if (srv.Name != name)
            {
                continue;
            }

            if (target is null)
            {
                target = srv;
                continue;
            }

            s.Diag.Alert($"Refusing to use duplicated server '{name}' found in proxy: {px.Name}!\n");
            return null;
        }

        return target;
    }
}
