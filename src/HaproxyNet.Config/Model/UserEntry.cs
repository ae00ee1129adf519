namespace HaproxyNet.Config.Model;

/// <summary>One <c>user</c> line of a userlist.</summary>
public sealed record UserEntry(string Name, string? Password, bool InsecurePassword, IReadOnlyList<string> Groups);
