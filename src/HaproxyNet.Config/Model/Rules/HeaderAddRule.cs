using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Model.Rules;

/// <summary><c>reqadd</c> / <c>rspadd &lt;header line&gt; [if|unless &lt;cond&gt;]</c>.</summary>
public sealed record HeaderAddRule(bool Request, string Header, AclCondition? Condition, SourceSpan Span);
