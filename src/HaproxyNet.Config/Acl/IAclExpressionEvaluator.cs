namespace HaproxyNet.Config.Acl;

/// <summary>
/// Engine seam for <see cref="AclCondition.Execute{TEvaluator}"/>: fetches the value(s) an expression's criterion
/// names from the current session and matches them against its patterns (see <see cref="AclMatcher"/>).
/// </summary>
/// <remarks>
/// Implement it on a struct and pass it by reference so evaluation allocates nothing. It corresponds to the
/// fetch + match half of 1.4's <c>acl_exec_cond</c> for one <c>acl_expr</c>.
/// </remarks>
public interface IAclExpressionEvaluator
{
    /// <summary>Result of one expression: Pass if any value matches, Miss if undecidable yet, else Fail.</summary>
    AclMatchResult Evaluate(AclDefinition expression);
}
