using HaproxyNet.Config.Environment;

namespace HaproxyNet.Config.Acl;

/// <summary>
/// The ACL step of the post-parse checks (CONFIG.md §5 step 13): resolves <c>srv_is_up</c> servers and
/// <c>http_auth</c>/<c>http_auth_group</c> userlists and groups, printing 1.4.25's exact alerts.
/// </summary>
/// <remarks>Mirrors <c>acl_find_targets</c> (acl.c) and the group part of <c>auth_resolve_groups</c> (auth.c).</remarks>
public static class AclTargets
{
    /// <summary>Checks every expression of every ACL of <paramref name="acls"/>, in table order.</summary>
    /// <param name="proxyName">The proxy's name, as printed in the alerts.</param>
    /// <param name="acls">The proxy's ACLs (declared, predefined and anonymous).</param>
    /// <param name="resolver">Lookups into the configuration.</param>
    /// <param name="sink">Receives the alerts (all fatal for the configuration).</param>
    /// <returns>The number of errors (1.4's <c>cfgerr</c> increment); 0 when everything resolved.</returns>
    public static int FindTargets(string proxyName, AclTable acls, IAclTargetResolver resolver, IDiagnosticSink sink)
    {
        ArgumentNullException.ThrowIfNull(acls);
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(sink);
        var errors = 0;
        foreach (var acl in acls.All)
        {
            foreach (var expr in acl.Expressions)
            {
                var kw = expr.Criterion.Name;
                var prefix = $"proxy {proxyName}: acl {acl.Name} {kw}(";
                if (kw == "srv_is_up")
                {
                    errors += CheckServer(expr, prefix, resolver, sink);
                    continue;
                }

                if (!kw.StartsWith("http_auth", StringComparison.Ordinal))
                {
                    continue;
                }

                if (string.IsNullOrEmpty(expr.Argument))
                {
                    sink.Alert(prefix + "): missing userlist name.\n");
                    errors++;
                    continue;
                }

                var groups = resolver.FindUserlistGroups(expr.Argument);
                if (groups is null)
                {
                    sink.Alert(prefix + expr.Argument + "): unable to find userlist.\n");
                    errors++;
                    continue;
                }

                if (kw == "http_auth_group")
                {
                    errors += CheckGroups(expr, prefix, groups, sink);
                }
            }
        }

        return errors;
    }

    private static int CheckServer(AclDefinition expr, string prefix, IAclTargetResolver resolver, IDiagnosticSink sink)
    {
        if (string.IsNullOrEmpty(expr.Argument))
        {
            sink.Alert(prefix + "): missing server name.\n");
            return 1;
        }

        // <backend>/<server>, split at the LAST slash; a bare name is a server of this proxy.
        var slash = expr.Argument.LastIndexOf('/');
        var backend = slash < 0 ? null : expr.Argument[..slash];
        var server = slash < 0 ? expr.Argument : expr.Argument[(slash + 1)..];
        switch (resolver.FindServer(backend, server))
        {
            case AclServerLookup.NoSuchProxy:
                sink.Alert(prefix + "): unable to find proxy '" + backend + "'.\n");
                return 1;
            case AclServerLookup.NoSuchServer:
                sink.Alert(prefix + "): unable to find server '" + server + "'.\n");
                return 1;
            default:
                return 0;
        }
    }

    private static int CheckGroups(AclDefinition expr, string prefix, IReadOnlyList<string> groups, IDiagnosticSink sink)
    {
        if (expr.Patterns.Count == 0)
        {
            sink.Alert(prefix + "): no groups specified.\n");
            return 1;
        }

        var errors = 0;
        foreach (var pattern in expr.Patterns)
        {
            if (!ResolveGroups(pattern.Text ?? string.Empty, expr.Argument!, groups, sink, out _))
            {
                sink.Alert(prefix + "): invalid group(s).\n");
                errors++;
            }
        }

        return errors;
    }

    /// <summary>
    /// <c>auth_resolve_groups</c>: the bit mask (bit n = n-th group of the userlist) of the space-separated
    /// <paramref name="names"/>. Fails on an empty list or at the first unknown group, after printing
    /// <c>No such group '&lt;g&gt;' in userlist '&lt;u&gt;'.</c>
    /// </summary>
    private static bool ResolveGroups(
        string names, string userlist, IReadOnlyList<string> groups, IDiagnosticSink sink, out uint mask)
    {
        mask = 0;
        var any = false;
        foreach (var name in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            any = true;
            var index = -1;
            for (var g = 0; g < groups.Count; g++)
            {
                if (string.Equals(groups[g], name, StringComparison.Ordinal))
                {
                    index = g;
                    break;
                }
            }

            if (index < 0)
            {
                sink.Alert($"No such group '{name}' in userlist '{userlist}'.\n");
                return false;
            }

            mask |= 1u << index;
        }

        return any;
    }
}
