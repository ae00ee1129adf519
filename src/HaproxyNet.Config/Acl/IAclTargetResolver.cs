namespace HaproxyNet.Config.Acl;

/// <summary>What the post-parse ACL check needs to know about the rest of the configuration.</summary>
/// <remarks>Implemented by the config validator over its model (1.4's <c>findproxy</c>, <c>findserver</c>, userlists).</remarks>
public interface IAclTargetResolver
{
    /// <summary>
    /// <c>findproxy(backendName, PR_CAP_BE)</c> then <c>findserver</c>. A null <paramref name="backendName"/>
    /// means the proxy holding the ACL. The implementation prints 1.4's duplicated-proxy alert itself when
    /// <c>findproxy</c> would.
    /// </summary>
    AclServerLookup FindServer(string? backendName, string serverName);

    /// <summary>
    /// The group names, in declaration order, of userlist <paramref name="userlist"/> (the proxy's
    /// <c>stats auth</c> userlist first, then the global userlists), or null when there is no such userlist.
    /// </summary>
    IReadOnlyList<string>? FindUserlistGroups(string userlist);
}
