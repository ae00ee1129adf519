namespace HaproxyNet.Config.Model;

/// <summary>A <c>userlist</c> with its users (name, password, insecure flag, groups) and group names.</summary>
public sealed record UserList(
    string Name,
    SourceSpan Span,
    IReadOnlyList<UserEntry> Users,
    IReadOnlyList<string> Groups)
{
    /// <summary>The <c>users</c> of each <c>group</c> line, in <see cref="Groups"/> order (empty when none was listed).</summary>
    public IReadOnlyList<IReadOnlyList<string>> GroupUsers { get; init; } = [];
}
