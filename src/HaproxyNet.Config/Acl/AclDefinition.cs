namespace HaproxyNet.Config.Acl;

/// <summary>
/// One ACL expression: the criterion and values of one <c>acl</c> line, of one <c>{ ... }</c> anonymous ACL, or
/// of a predefined ACL (1.4's <c>struct acl_expr</c>, plus the name and position it was declared with).
/// Immutable once parsed.
/// </summary>
/// <remarks>
/// Several <c>acl</c> lines with one name make one <see cref="Acl"/> whose expressions are OR-ed in declaration
/// order. Built by <see cref="AclParser.TryParse"/>.
/// </remarks>
public sealed class AclDefinition
{
    internal AclDefinition(
        string name,
        AclCriterion criterion,
        string? argument,
        bool ignoreCase,
        IReadOnlyList<string> patternFiles,
        IReadOnlyList<AclPattern> patterns,
        string file,
        int line)
    {
        Name = name;
        Criterion = criterion;
        Argument = argument;
        IgnoreCase = ignoreCase;
        PatternFiles = patternFiles;
        Patterns = patterns;
        File = file;
        Line = line;
        Index = AclPatternIndex.TryBuild(criterion.Match, patterns);
    }

    /// <summary>ACL name; empty for an anonymous <c>{ ... }</c> ACL.</summary>
    public string Name { get; }

    public AclCriterion Criterion { get; }

    /// <summary>
    /// Text between the criterion's parentheses (<c>hdr(host)</c> gives <c>host</c>, <c>hdr()</c> gives an empty
    /// string), or null when the criterion had no parentheses.
    /// </summary>
    public string? Argument { get; }

    /// <summary>The <c>-i</c> flag was given (it applies to values read after it, see <see cref="AclPattern.IgnoreCase"/>).</summary>
    public bool IgnoreCase { get; }

    /// <summary>Files named by <c>-f</c>, in order.</summary>
    public IReadOnlyList<string> PatternFiles { get; }

    /// <summary>All values: file patterns first (in <c>-f</c> order), then the words of the line.</summary>
    public IReadOnlyList<AclPattern> Patterns { get; }

    public string File { get; }

    public int Line { get; }

    /// <summary>Hash lookups for long exact-string or IPv4 pattern lists (1.4's pattern tree); null when short.</summary>
    internal AclPatternIndex? Index { get; }

    /// <summary>The criterion's <c>ACL_USE_*</c> bits.</summary>
    public AclUse Requires => Criterion.Requires;
}
