using System.Text;

namespace HaproxyNet.Config.Acl;

/// <summary>
/// One parsed ACL value (1.4's <c>struct acl_pattern</c>). Which member is meaningful depends on
/// <see cref="Kind"/>; <see cref="IgnoreCase"/> is the <c>-i</c> flag in force when the value was read.
/// </summary>
public sealed class AclPattern
{
    private AclPattern(AclPatternKind kind, bool ignoreCase, bool fromFile)
    {
        Kind = kind;
        IgnoreCase = ignoreCase;
        FromFile = fromFile;
    }

    public AclPatternKind Kind { get; }

    /// <summary><c>-i</c> was given before this value (strings, regexes, non-standard methods).</summary>
    public bool IgnoreCase { get; }

    /// <summary>The value was read from a <c>-f</c> pattern file.</summary>
    public bool FromFile { get; }

    /// <summary>
    /// The exact string sits in 1.4's lookup tree (<c>-f</c>, no <c>-i</c>, <c>acl_parse_str</c> criterion): the
    /// tree compares C strings, so a value is only considered up to its first NUL byte.
    /// </summary>
    public bool InLookupTree { get; private init; }

    /// <summary>For <see cref="AclPatternKind.IntegerRange"/>.</summary>
    public AclIntRange Range { get; private init; }

    /// <summary>For <see cref="AclPatternKind.Ipv4Network"/>.</summary>
    public AclIpv4Network Network { get; private init; }

    /// <summary>For strings, non-standard methods and group names: the text as written.</summary>
    public string? Text { get; private init; }

    /// <summary><see cref="Text"/> as bytes (one byte per char, Latin-1), what the matchers compare.</summary>
    public byte[]? Bytes { get; private init; }

    /// <summary>For <see cref="AclPatternKind.Regex"/>.</summary>
    public PosixRegex? Regex { get; private init; }

    /// <summary>For <see cref="AclPatternKind.Method"/>.</summary>
    public AclHttpMethod Method { get; private init; }

    internal static AclPattern CreateNone(bool fromFile) => new(AclPatternKind.None, false, fromFile);

    internal static AclPattern CreateRange(AclIntRange range, bool ignoreCase, bool fromFile) =>
        new(AclPatternKind.IntegerRange, ignoreCase, fromFile) { Range = range };

    internal static AclPattern CreateNetwork(AclIpv4Network network, bool ignoreCase, bool fromFile) =>
        new(AclPatternKind.Ipv4Network, ignoreCase, fromFile) { Network = network };

    internal static AclPattern CreateString(string text, bool ignoreCase, bool fromFile, bool inLookupTree = false) =>
        new(AclPatternKind.String, ignoreCase, fromFile)
        {
            Text = text,
            Bytes = Encoding.Latin1.GetBytes(text),
            InLookupTree = inLookupTree,
        };

    internal static AclPattern CreateRegex(PosixRegex regex, bool ignoreCase, bool fromFile) =>
        new(AclPatternKind.Regex, ignoreCase, fromFile) { Regex = regex, Text = regex.Pattern };

    internal static AclPattern CreateMethod(AclHttpMethod method, string text, bool ignoreCase, bool fromFile) =>
        new(AclPatternKind.Method, ignoreCase, fromFile)
        {
            Method = method,
            Text = text,
            Bytes = Encoding.Latin1.GetBytes(text),
        };

    internal static AclPattern CreateGroupNames(string text, bool ignoreCase, bool fromFile) =>
        new(AclPatternKind.GroupNames, ignoreCase, fromFile) { Text = text, Bytes = Encoding.Latin1.GetBytes(text) };

    public override string ToString() => Kind switch
    {
        AclPatternKind.IntegerRange => Range.ToString(),
        AclPatternKind.Ipv4Network => Network.ToString(),
        AclPatternKind.Method => Method == AclHttpMethod.Other ? Text! : Method.ToString().ToUpperInvariant(),
        AclPatternKind.None => "(none)",
        _ => Text ?? string.Empty,
    };
}
