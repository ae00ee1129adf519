using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Model.Rules;

/// <summary><c>use_backend &lt;backend&gt; if|unless &lt;cond&gt;</c>.</summary>
public sealed record SwitchingRuleLine(string Backend, AclCondition Condition, SourceSpan Span);
