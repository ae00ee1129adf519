namespace HaproxyNet.Config.Acl;

/// <summary>
/// The ACLs of one proxy, in the order 1.4 keeps them (<c>px-&gt;acl</c>): declared ACLs, predefined ACLs pulled
/// in by a condition, and anonymous <c>{ ... }</c> ACLs, each appended when first seen.
/// </summary>
/// <remarks>
/// One table per frontend/backend/listen/ruleset; ACLs are never inherited and a <c>defaults</c> section has none.
/// The post-parse check (<c>acl_find_targets</c>) walks <see cref="All"/> in order, anonymous ACLs included.
/// </remarks>
public sealed class AclTable
{
    private readonly List<Acl> _all = [];
    private readonly Dictionary<string, Acl> _byName = new(StringComparer.Ordinal);

    /// <summary>Every ACL of the proxy in 1.4's list order.</summary>
    public IReadOnlyList<Acl> All => _all;

    /// <summary><c>find_acl_by_name</c>: a declared (or already pulled-in predefined) ACL, case-sensitive.</summary>
    public Acl? Find(string name) => name.Length == 0 ? null : _byName.GetValueOrDefault(name);

    /// <summary>
    /// Adds an <c>acl</c> line's expression: appended to the ACL of that name (which may be a predefined ACL a
    /// rule already pulled in), or to a new ACL at the end of the table.
    /// </summary>
    /// <returns>The ACL that now holds <paramref name="definition"/>.</returns>
    /// <remarks>The second half of <c>parse_acl</c>.</remarks>
    public Acl Declare(AclDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Acl? acl = null;
        if (definition.Name.Length != 0)
        {
            acl = Find(definition.Name);
        }

        if (acl is null)
        {
            acl = new Acl(definition.Name, isPredefined: false);
            _all.Add(acl);
            if (definition.Name.Length != 0)
            {
                _byName[definition.Name] = acl;
            }
        }

        acl.Add(definition);
        return acl;
    }

    /// <summary>Registers a predefined ACL under its name, as <c>find_acl_default</c> does on first use.</summary>
    internal Acl AddPredefined(AclDefinition definition)
    {
        var acl = new Acl(definition.Name, isPredefined: true);
        acl.Add(definition);
        _all.Add(acl);
        _byName[definition.Name] = acl;
        return acl;
    }
}
