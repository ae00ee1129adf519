namespace HaproxyNet.Config.Acl;

/// <summary>Boolean algebra on <see cref="AclMatchResult"/> (<c>acl_neg</c>, <c>acl_pass</c> in proto/acl.h).</summary>
public static class AclMatchResults
{
    /// <summary>NOT: Pass↔Fail, Miss stays Miss.</summary>
    public static AclMatchResult Negate(AclMatchResult result) => (AclMatchResult)(3 >> (int)result);

    /// <summary>AND of two results.</summary>
    public static AclMatchResult And(AclMatchResult left, AclMatchResult right) =>
        (AclMatchResult)((int)left & (int)right);

    /// <summary>OR of two results.</summary>
    public static AclMatchResult Or(AclMatchResult left, AclMatchResult right) =>
        (AclMatchResult)((int)left | (int)right);

    /// <summary>
    /// Applies a condition's polarity to its evaluated result: null while undecided (<see cref="AclMatchResult.Miss"/>,
    /// the caller waits for more data), else whether the rule applies.
    /// </summary>
    /// <remarks>The <c>acl_pass</c> + <c>ACL_COND_UNLESS</c> idiom every 1.4 rule uses.</remarks>
    public static bool? Applies(AclMatchResult result, AclConditionPolarity polarity)
    {
        if (result == AclMatchResult.Miss)
        {
            return null;
        }

        var pass = result == AclMatchResult.Pass;
        return polarity == AclConditionPolarity.Unless ? !pass : pass;
    }
}
