namespace HaproxyNet.Config.Acl;

/// <summary>One ACL reference inside a condition, possibly negated by <c>!</c> (1.4's <c>struct acl_term</c>).</summary>
/// <param name="Acl">The referenced ACL object; later <c>acl</c> lines with its name still extend it.</param>
/// <param name="Negated">An odd number of <c>!</c> preceded the name.</param>
public readonly record struct AclTerm(Acl Acl, bool Negated)
{
    public override string ToString() => (Negated ? "!" : string.Empty) + (Acl.IsAnonymous ? "{...}" : Acl.Name);
}
