using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Model.Rules;

/// <summary><c>http-request allow|deny|auth [realm &lt;r&gt;] [if|unless &lt;cond&gt;]</c>.</summary>
public sealed record HttpRequestRule(HttpRequestAction Action, string? Realm, AclCondition? Condition, SourceSpan Span);
