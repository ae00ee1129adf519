namespace HaproxyNet.Config.Acl;

public static partial class AclMatcher
{
    /// <summary>
    /// <c>match_word</c> behind <c>acl_match_dir</c> (delimiter '/') and <c>acl_match_dom</c> (delimiter '.'):
    /// the pattern, stripped of leading and trailing delimiters, '/' and '?', must appear in the value starting
    /// at the value's start or right after a delimiter, '/' or '?', and ending at the value's end or right before
    /// one. A pattern made only of delimiters never matches.
    /// </summary>
    public static bool MatchWord(AclPattern pattern, ReadOnlySpan<byte> value, byte delimiter)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var p = PatternBytes(pattern);
        while (!p.IsEmpty && IsWordDelimiter(p[0], delimiter))
        {
            p = p[1..];
        }

        while (!p.IsEmpty && IsWordDelimiter(p[^1], delimiter))
        {
            p = p[..^1];
        }

        if (p.IsEmpty || p.Length > value.Length)
        {
            return false;
        }

        var mayMatch = true;
        var last = value.Length - p.Length;
        for (var c = 0; c <= last; c++)
        {
            if (IsWordDelimiter(value[c], delimiter))
            {
                mayMatch = true;
                continue;
            }

            if (!mayMatch)
            {
                continue;
            }

            if (BytesEqual(p, value.Slice(c, p.Length), pattern.IgnoreCase)
                && (c == last || IsWordDelimiter(value[c + p.Length], delimiter)))
            {
                return true;
            }

            mayMatch = false;
        }

        return false;
    }

    private static bool IsWordDelimiter(byte b, byte delimiter) => b == delimiter || b == (byte)'/' || b == (byte)'?';
}
