namespace HaproxyNet.Config.Model;

/// <summary>A <c>userlist</c> with its users (name, password, insecure flag, groups) and group names.</summary>
public sealed record UserList(
    string Name,
    SourceSpan Span,
    IReadOnlyList<UserEntry> Users,
    IReadOnlyList<string> Groups);
