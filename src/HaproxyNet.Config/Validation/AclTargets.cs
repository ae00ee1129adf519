using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing;
using HaproxyNet.Config.Parsing.Builders;

namespace HaproxyNet.Config.Validation;

/// <summary>Resolves the server and userlist names ACLs refer to, after parsing.</summary>
/// <remarks>Mirrors <c>acl.c acl_find_targets</c> (and <c>auth.c auth_resolve_groups</c>).</remarks>
internal static class AclTargets
{
    public static int Check(ParseState s, ProxyBuilder p)
    {
        var cfgerr = 0;
        foreach (var acl in p.Acls.All)
        {
            foreach (var expr in acl.Expressions)
            {
                var kw = expr.Criterion.Name;
                var head = $"proxy {p.Name}: acl {acl.Name} {kw}";
                if (kw == "srv_is_up")
                {
                    cfgerr += CheckServer(s, p, expr.Argument, head);
                    continue;
                }

                if (!kw.StartsWith("http_auth", StringComparison.Ordinal))
                {
                    continue;
                }

                if (string.IsNullOrEmpty(expr.Argument))
                {
                    s.Diag.Alert($"{head}(): missing userlist name.\n");
                    cfgerr++;
                    continue;
                }

                var ul = s.UserLists.Find(u => u.Name == expr.Argument);
                if (ul is null)
                {
                    s.Diag.Alert($"{head}({expr.Argument}): unable to find userlist.\n");
                    cfgerr++;
                    continue;
                }

                if (kw != "http_auth_group")
                {
                    continue;
                }

                if (expr.Patterns.Count == 0)
                {
                    s.Diag.Alert($"{head}(): no groups specified.\n");
                    cfgerr++;
                    continue;
                }

                foreach (var pattern in expr.Patterns)
                {
                    // auth_resolve_groups: space-separated names, stops at the first unknown one
                    var any = false;
                    var bad = false;
                    foreach (var g in (pattern.Text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (!ul.Groups.Exists(x => x.Name == g))
                        {
                            s.Diag.Alert($"No such group '{g}' in userlist '{ul.Name}'.\n");
                            bad = true;
                            break;
                        }

                        any = true;
                    }

                    if (bad || !any)
                    {
                        s.Diag.Alert($"{head}(): invalid group(s).\n");
                        cfgerr++;
                    }
                }
            }
        }

        return cfgerr;
    }

    private static int CheckServer(ParseState s, ProxyBuilder p, string? arg, string head)
    {
        if (string.IsNullOrEmpty(arg))
        {
            s.Diag.Alert($"{head}(): missing server name.\n");
            return 1;
        }

        var slash = arg.LastIndexOf('/');
        var pname = slash < 0 ? null : arg[..slash];
        var sname = slash < 0 ? arg : arg[(slash + 1)..];
        var px = p;
        if (pname is not null)
        {
            px = s.Proxies.Find(x => x.Name == pname && (x.Capabilities & ProxyCapabilities.Backend) != 0);
            if (px is null)
            {
                s.Diag.Alert($"{head}(): unable to find proxy '{pname}'.\n");
                return 1;
            }
        }

        if (px.Servers.Count(x => x.Name == sname) != 1)
        {
            s.Diag.Alert($"{head}(): unable to find server '{sname}'.\n");
            return 1;
        }

        return 0;
    }
}
