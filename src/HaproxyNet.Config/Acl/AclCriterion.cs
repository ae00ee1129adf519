namespace HaproxyNet.Config.Acl;

/// <summary>
/// One ACL criterion keyword of 1.4.25: how its values parse, how they match, and which fetch context it needs.
/// </summary>
/// <param name="Name">The keyword as written before any <c>(arg)</c>, e.g. <c>hdr_beg</c>.</param>
/// <param name="ValueType">Value parser (<c>acl_parse_*</c>).</param>
/// <param name="Match">Matcher (<c>acl_match_*</c>).</param>
/// <param name="Requires">The keyword's <c>ACL_USE_*</c> bits (including <see cref="AclUse.MayLookup"/>).</param>
/// <param name="Argument">How the optional <c>(arg)</c> is used.</param>
/// <remarks>Mirrors <c>struct acl_keyword</c>; the registered set is <see cref="AclCriteria"/>.</remarks>
public sealed record AclCriterion(
    string Name, AclValueType ValueType, AclMatchKind Match, AclUse Requires, AclArgumentUse Argument)
{
    /// <summary>True when evaluating this criterion needs response data (status, shdr*, resp_ver).</summary>
    public bool IsResponseOnly => (Requires & AclUse.ResponseAny) != 0;

    /// <summary>
    /// Exact-string values read from a <c>-f</c> file without <c>-i</c> go to 1.4's lookup tree (ACL_MAY_LOOKUP
    /// with <c>acl_parse_str</c>; <c>req_ver</c>/<c>resp_ver</c> use <c>acl_parse_ver</c>, which never does).
    /// </summary>
    internal bool FeedsStringTree =>
        (Requires & AclUse.MayLookup) != 0 && ValueType == AclValueType.String && Name is not ("req_ver" or "resp_ver");
}
