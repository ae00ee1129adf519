namespace HaproxyNet.Config.Acl;

/// <summary>
/// An inclusive integer range with optional bounds, as stored by 1.4's <c>acl_parse_int</c> /
/// <c>acl_parse_dotted_ver</c>: <c>eq N</c> = [N,N], <c>ge N</c> = [N,∞), <c>gt N</c> = [N+1,∞), <c>le N</c> =
/// (-∞,N], <c>lt N</c> = (-∞,N-1], <c>N:M</c> = [N,M] (so <c>N:</c> is [N,0], empty unless N is 0).
/// </summary>
/// <param name="Min">Lower bound when <paramref name="HasMin"/>.</param>
/// <param name="Max">Upper bound when <paramref name="HasMax"/>.</param>
/// <remarks>Bounds are 64-bit like 1.4's <c>long long</c> range; the tested value is a 32-bit int there.</remarks>
public readonly record struct AclIntRange(long Min, long Max, bool HasMin, bool HasMax)
{
    /// <summary><c>acl_match_int</c> / <c>acl_match_len</c>: whether <paramref name="value"/> lies in the range.</summary>
    public bool Contains(long value) => (!HasMin || Min <= value) && (!HasMax || value <= Max);
}
