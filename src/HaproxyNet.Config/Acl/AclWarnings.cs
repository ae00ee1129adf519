namespace HaproxyNet.Config.Acl;

/// <summary>
/// 1.4.25's texts for conditions that use criteria the rule's context cannot provide
/// (<c>warnif_cond_requires_resp</c> / <c>warnif_cond_requires_req</c> in cfgparse.c).
/// </summary>
public static class AclWarnings
{
    /// <summary>
    /// For request-side rules (block, use_backend, redirect, http-request, reqxxx with a condition, stick on...):
    /// the warning text when <paramref name="condition"/> uses response-only criteria, else null.
    /// </summary>
    public static string? ResponseOnly(AclCondition? condition, string file, int line) =>
        condition is null || (condition.Requires & AclUse.ResponseAny) == 0
            ? null
            : $"parsing [{file}:{line}] : acl '{NameOf(condition, AclUse.ResponseAny)}' involves some response-only criteria which will be ignored.\n";

    /// <summary>
    /// For response-side rules (rspxxx with a condition, stick store-response): the warning text when
    /// <paramref name="condition"/> uses volatile request-only criteria, else null.
    /// </summary>
    public static string? VolatileRequestOnly(AclCondition? condition, string file, int line) =>
        condition is null || (condition.Requires & AclUse.RequestVolatile) == 0
            ? null
            : $"parsing [{file}:{line}] : acl '{NameOf(condition, AclUse.RequestVolatile)}' involves some volatile request-only criteria which will be ignored.\n";

    /// <summary>
    /// The name of the first ACL of <paramref name="condition"/> requiring <paramref name="require"/>, or
    /// <c>(unknown)</c> as 1.4 prints when the snapshot bits no longer point to any ACL. For keyword-parser
    /// messages such as <c>tcp-request content</c>'s <c>acl '%s' involves some response-only criteria which will be ignored.</c>
    /// </summary>
    public static string NameOf(AclCondition condition, AclUse require)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return condition.FindRequire(require)?.Name ?? "(unknown)";
    }
}
