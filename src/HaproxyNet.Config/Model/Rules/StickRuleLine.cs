using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Model.Rules;

/// <summary>A <c>stick on|match|store-request</c> rule.</summary>
public sealed record StickRuleLine(bool Match, bool Store, string Pattern, string? Table, AclCondition? Condition, SourceSpan Span);
