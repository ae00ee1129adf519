using System.Buffers;

namespace HaproxyNet.Config.Acl;

/// <summary>
/// Pure matching of fetched values against parsed patterns (1.4's <c>acl_match_*</c> functions). Values are raw
/// bytes as they sit in the buffer; case folding under <c>-i</c> is ASCII only (C locale <c>strncasecmp</c>).
/// </summary>
/// <remarks>Allocation-free except for regexes on values longer than 512 bytes (pooled).</remarks>
public static partial class AclMatcher
{
    /// <summary>
    /// Matches one string value against every pattern of <paramref name="expression"/> with its criterion's
    /// matcher (str/beg/end/sub/dir/dom/reg/len/method): Pass if any matches.
    /// </summary>
    public static AclMatchResult MatchAny(AclDefinition expression, ReadOnlySpan<byte> value)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var kind = expression.Criterion.Match;
        if (kind == AclMatchKind.String && expression.Index is { } index)
        {
            return index.MatchString(value) ? AclMatchResult.Pass : AclMatchResult.Fail;
        }

        var patterns = expression.Patterns;
        for (var i = 0; i < patterns.Count; i++)
        {
            if (Match(kind, patterns[i], value))
            {
                return AclMatchResult.Pass;
            }
        }

        return AclMatchResult.Fail;
    }

    /// <summary>Matches an integer value (int criteria, dotted versions as <c>major &lt;&lt; 16 | minor</c>).</summary>
    public static AclMatchResult MatchAny(AclDefinition expression, long value)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var patterns = expression.Patterns;
        for (var i = 0; i < patterns.Count; i++)
        {
            if (patterns[i].Kind == AclPatternKind.IntegerRange && patterns[i].Range.Contains(value))
            {
                return AclMatchResult.Pass;
            }
        }

        return AclMatchResult.Fail;
    }

    /// <summary>Matches an IPv4 value in host byte order (ip criteria). IPv6 clients must not call this: they never match.</summary>
    public static AclMatchResult MatchAnyIpv4(AclDefinition expression, uint address)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Index is { } index)
        {
            return index.MatchIpv4(address) ? AclMatchResult.Pass : AclMatchResult.Fail;
        }

        var patterns = expression.Patterns;
        for (var i = 0; i < patterns.Count; i++)
        {
            if (patterns[i].Kind == AclPatternKind.Ipv4Network && patterns[i].Network.Contains(address))
            {
                return AclMatchResult.Pass;
            }
        }

        return AclMatchResult.Fail;
    }

    /// <summary>
    /// <c>acl_match_meth</c>: the request's method identity and text against the method patterns of
    /// <paramref name="expression"/>.
    /// </summary>
    public static AclMatchResult MatchAnyMethod(AclDefinition expression, AclHttpMethod method, ReadOnlySpan<byte> text)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var patterns = expression.Patterns;
        for (var i = 0; i < patterns.Count; i++)
        {
            if (MatchMethod(patterns[i], method, text))
            {
                return AclMatchResult.Pass;
            }
        }

        return AclMatchResult.Fail;
    }

    /// <summary>One string pattern against one value with the given matcher.</summary>
    public static bool Match(AclMatchKind kind, AclPattern pattern, ReadOnlySpan<byte> value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return kind switch
        {
            AclMatchKind.String => MatchString(pattern, value),
            AclMatchKind.Begin => MatchBegin(pattern, value),
            AclMatchKind.End => MatchEnd(pattern, value),
            AclMatchKind.Substring => MatchSubstring(pattern, value),
            AclMatchKind.Directory => MatchWord(pattern, value, domain: false),
            AclMatchKind.Domain => MatchWord(pattern, value, domain: true),
            AclMatchKind.Regex => MatchRegex(pattern, value),
            AclMatchKind.Length => pattern.Kind == AclPatternKind.IntegerRange && pattern.Range.Contains(value.Length),
            _ => false,
        };
    }

    /// <summary>
    /// <c>acl_match_str</c>: same length and same bytes (ASCII case-insensitive under <c>-i</c>). For a value in
    /// 1.4's lookup tree (<see cref="AclPattern.InLookupTree"/>, <c>acl_lookup_str</c>) the value ends at its first NUL.
    /// </summary>
    public static bool MatchString(AclPattern pattern, ReadOnlySpan<byte> value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.InLookupTree)
        {
            value = CutAtNul(value);
        }

        var p = PatternBytes(pattern);
        return p.Length == value.Length && BytesEqual(p, value, pattern.IgnoreCase);
    }

    /// <summary><c>acl_match_beg</c>.</summary>
    public static bool MatchBegin(AclPattern pattern, ReadOnlySpan<byte> value)
    {
        var p = PatternBytes(pattern);
        return p.Length <= value.Length && BytesEqual(p, value[..p.Length], pattern.IgnoreCase);
    }

    /// <summary><c>acl_match_end</c>.</summary>
    public static bool MatchEnd(AclPattern pattern, ReadOnlySpan<byte> value)
    {
        var p = PatternBytes(pattern);
        return p.Length <= value.Length && BytesEqual(p, value[(value.Length - p.Length)..], pattern.IgnoreCase);
    }

    /// <summary>
    /// <c>acl_match_sub</c>. An empty pattern (only possible through <c>\x00</c>) never matches: 1.4 first compares
    /// the pattern's leading byte, its NUL terminator.
    /// </summary>
    public static bool MatchSubstring(AclPattern pattern, ReadOnlySpan<byte> value)
    {
        var p = PatternBytes(pattern);
        if (p.IsEmpty || p.Length > value.Length)
        {
            return false;
        }

        for (var start = 0; start <= value.Length - p.Length; start++)
        {
            if (BytesEqual(p, value.Slice(start, p.Length), pattern.IgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>acl_match_meth</c>: identities must be equal; non-standard methods also compare their text.</summary>
    public static bool MatchMethod(AclPattern pattern, AclHttpMethod method, ReadOnlySpan<byte> text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Kind != AclPatternKind.Method || pattern.Method != method)
        {
            return false;
        }

        return method != AclHttpMethod.Other || MatchString(pattern, text);
    }

    /// <summary>
    /// <c>acl_match_reg</c>: unanchored search. The value ends at its first NUL byte (1.4 hands a C string to
    /// <c>regexec</c>); bytes map to chars one to one (Latin-1).
    /// </summary>
    public static bool MatchRegex(AclPattern pattern, ReadOnlySpan<byte> value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Regex is null)
        {
            return false;
        }

        value = CutAtNul(value);
        char[]? rented = null;
        var chars = value.Length <= 512 ? stackalloc char[value.Length] : (rented = ArrayPool<char>.Shared.Rent(value.Length));
        try
        {
            for (var i = 0; i < value.Length; i++)
            {
                chars[i] = (char)value[i];
            }

            return pattern.Regex.IsMatch(chars[..value.Length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static ReadOnlySpan<byte> PatternBytes(AclPattern pattern) => pattern.Bytes ?? [];

    internal static ReadOnlySpan<byte> CutAtNul(ReadOnlySpan<byte> value)
    {
        var nul = value.IndexOf((byte)0);
        return nul < 0 ? value : value[..nul];
    }

    private static bool BytesEqual(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, bool ignoreCase)
    {
        if (!ignoreCase)
        {
            return left.SequenceEqual(right);
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (ToLowerAscii(left[i]) != ToLowerAscii(right[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static byte ToLowerAscii(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
}
