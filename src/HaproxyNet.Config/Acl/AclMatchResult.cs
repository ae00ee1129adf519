namespace HaproxyNet.Config.Acl;

/// <summary>
/// 1.4's three-state ACL result (<c>ACL_PAT_FAIL/MISS/PASS</c> = 0/1/3), chosen so that AND is <c>&amp;</c>, OR is
/// <c>|</c> and NOT is <c>3 &gt;&gt; x</c>. <see cref="Miss"/> means "not decidable yet, more data may change it"
/// and only appears while evaluating partial data (content inspection).
/// </summary>
public enum AclMatchResult
{
    Fail = 0,
    Miss = 1,
    Pass = 3,
}
