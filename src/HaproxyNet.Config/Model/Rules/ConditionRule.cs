using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Model.Rules;

/// <summary>A rule that is only a condition: <c>block</c>, <c>monitor fail</c>, <c>force-persist</c>,
/// <c>ignore-persist</c>, <c>stats admin</c>, or <c>tcp-request content accept|reject</c> (Accept tells which).</summary>
public sealed record ConditionRule(string Keyword, bool Accept, AclCondition? Condition, SourceSpan Span);
