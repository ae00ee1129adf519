namespace HaproxyNet.Config.Acl;

/// <summary>
/// A named ACL of one proxy (1.4's <c>struct acl</c>): the OR of its expressions, in declaration order.
/// </summary>
/// <remarks>
/// Grows while the proxy is being parsed: an <c>acl</c> line naming an existing ACL appends to it, and rules
/// parsed earlier see the addition (they hold this object, as 1.4's terms hold a pointer). Frozen in practice
/// once the proxy section ends. <see cref="Requires"/> is the OR of the expressions' bits.
/// </remarks>
public sealed class Acl
{
    private readonly List<AclDefinition> _expressions = [];

    internal Acl(string name, bool isPredefined)
    {
        Name = name;
        IsPredefined = isPredefined;
    }

    /// <summary>Name; empty for an anonymous <c>{ ... }</c> ACL.</summary>
    public string Name { get; }

    /// <summary>Created on first use from 1.4's built-in list (TRUE, METH_GET...), not by an <c>acl</c> line.</summary>
    public bool IsPredefined { get; }

    public bool IsAnonymous => Name.Length == 0;

    public IReadOnlyList<AclDefinition> Expressions => _expressions;

    /// <summary>Concrete list for the evaluation loop (no interface dispatch per request).</summary>
    internal List<AclDefinition> ExpressionList => _expressions;

    /// <summary>OR of the expressions' <c>ACL_USE_*</c> bits.</summary>
    public AclUse Requires { get; private set; }

    internal void Add(AclDefinition expression)
    {
        _expressions.Add(expression);
        Requires |= expression.Requires;
    }

    public override string ToString() => Name;
}
