using HaproxyNet.Config.Model;

namespace HaproxyNet.Config.Parsing.Builders;

/// <summary>A <c>userlist</c> while parsing.</summary>
internal sealed class UserListBuilder(string name, SourceSpan span)
{
    public string Name { get; } = name;

    public SourceSpan Span { get; } = span;

    /// <summary>Groups in declaration order with the member names listed on the group line.</summary>
    public List<(string Name, List<string> Users)> Groups { get; } = [];

    /// <summary>Users in declaration order with the group names listed on the user line.</summary>
    public List<(string Name, string? Password, bool Insecure, List<string> Groups)> Users { get; } = [];
}
