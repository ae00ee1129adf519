namespace HaproxyNet.Config.Acl;

/// <summary>
/// A parsed <c>if</c>/<c>unless</c> condition (1.4's <c>struct acl_cond</c>): an OR of suites, each suite an AND
/// of possibly negated ACL references.
/// </summary>
public sealed class AclCondition
{
    private readonly AclTerm[][] _suites;

    internal AclCondition(AclConditionPolarity polarity, AclTerm[][] suites, AclUse requires, string file, int line)
    {
        Polarity = polarity;
        _suites = suites;
        Requires = requires;
        File = file;
        Line = line;
    }

    public AclConditionPolarity Polarity { get; }

    /// <summary>OR-ed suites of AND-ed terms. Empty when nothing followed <c>if</c>: such a condition never passes.</summary>
    public IReadOnlyList<IReadOnlyList<AclTerm>> Suites => _suites;

    /// <summary>
    /// OR of the referenced ACLs' bits as they were when the condition was parsed (what 1.4 tests for its
    /// "response-only" / "volatile request-only" warnings).
    /// </summary>
    public AclUse Requires { get; }

    public string File { get; }

    public int Line { get; }

    /// <summary>
    /// <c>cond_find_require</c>: the first referenced ACL (suite order, then term order) whose current bits
    /// intersect <paramref name="require"/>, or null. The config prints its name in the warnings:
    /// <c>if ((cond.Requires &amp; AclUse.ResponseAny) != 0)</c> then
    /// <c>acl '{FindRequire(AclUse.ResponseAny)?.Name ?? "(unknown)"}' involves some response-only criteria ...</c>.
    /// </summary>
    public Acl? FindRequire(AclUse require)
    {
        foreach (var suite in Suites)
        {
            foreach (var term in suite)
            {
                if ((term.Acl.Requires & require) != 0)
                {
                    return term.Acl;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Evaluates the condition WITHOUT its polarity (see <see cref="AclMatchResults.Applies"/>): suites are OR-ed
    /// and stop at the first Pass, terms are AND-ed and stop at the first Fail, an ACL's expressions are OR-ed and
    /// stop at the first Pass.
    /// </summary>
    /// <remarks>Mirrors <c>acl_exec_cond</c>; allocation-free when <typeparamref name="TEvaluator"/> is a struct.</remarks>
    public AclMatchResult Execute<TEvaluator>(ref TEvaluator evaluator)
        where TEvaluator : IAclExpressionEvaluator
    {
        var condResult = AclMatchResult.Fail;
        foreach (var suite in _suites)
        {
            var suiteResult = AclMatchResult.Pass;
            foreach (var term in suite)
            {
                var aclResult = AclMatchResult.Fail;
                var expressions = term.Acl.ExpressionList;
                for (var e = 0; e < expressions.Count; e++)
                {
                    aclResult = AclMatchResults.Or(aclResult, evaluator.Evaluate(expressions[e]));
                    if (aclResult == AclMatchResult.Pass)
                    {
                        break;
                    }
                }

                if (term.Negated)
                {
                    aclResult = AclMatchResults.Negate(aclResult);
                }

                suiteResult = AclMatchResults.And(suiteResult, aclResult);
                if (suiteResult == AclMatchResult.Fail)
                {
                    break;
                }
            }

            condResult = AclMatchResults.Or(condResult, suiteResult);
            if (condResult == AclMatchResult.Pass)
            {
                break;
            }
        }

        return condResult;
    }
}
