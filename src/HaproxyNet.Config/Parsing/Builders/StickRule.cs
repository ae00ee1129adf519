namespace HaproxyNet.Config.Parsing.Builders;

/// <summary>A <c>stick</c> rule: its table name (null = the proxy's own) and pattern type.</summary>
internal sealed record StickRule(string? Table, bool IsStore, bool IsStoreResponse, string PatternType);
