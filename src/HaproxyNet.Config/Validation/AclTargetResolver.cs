using HaproxyNet.Config.Acl;
using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing;
using HaproxyNet.Config.Parsing.Builders;

namespace HaproxyNet.Config.Validation;

/// <summary>What <see cref="AclTargets.FindTargets"/> needs to know about the configuration, for one proxy.</summary>
/// <remarks>
/// <c>findproxy</c>/<c>findserver</c> (proxy.c) with their duplicate alerts, and 1.4's userlist lookup in
/// <c>acl_find_targets</c>: the proxy's <c>stats auth</c> list by its internal name, then <c>auth_find_userlist</c>.
/// </remarks>
internal sealed class AclTargetResolver(ParseState state, ProxyBuilder proxy) : IAclTargetResolver
{
    /// <summary>The name 1.4 gives the userlist built from a proxy's <c>stats auth</c> lines.</summary>
    public const string InternalStatsUserlist = ".internal-stats-userlist";

    public AclServerLookup FindServer(string? backendName, string serverName)
    {
        var px = backendName is null ? proxy : ConfigValidator.FindProxy(state, backendName, ProxyCapabilities.Backend);
        if (px is null)
        {
            return AclServerLookup.NoSuchProxy;
        }

        return ConfigValidator.FindServer(state, px, serverName) is null ? AclServerLookup.NoSuchServer : AclServerLookup.Found;
    }

    public IReadOnlyList<string>? FindUserlistGroups(string userlist)
    {
        // stats auth users belong to no group
        if (proxy.Stats is { Users.Count: > 0 } && userlist == InternalStatsUserlist)
        {
            return [];
        }

        foreach (var ul in state.UserLists)
        {
            if (ul.Name != userlist)
            {
                continue;
            }

            var groups = new string[ul.Groups.Count];
            for (var i = 0; i < groups.Length; i++)
            {
                groups[i] = ul.Groups[i].Name;
            }

            return groups;
        }

        return null;
    }
}
