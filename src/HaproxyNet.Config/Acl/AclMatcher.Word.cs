namespace HaproxyNet.Config.Acl;

public static partial class AclMatcher
{
    /// <summary>
    /// <c>match_word</c> behind <c>acl_match_dir</c> (delimiters '/' and '?') and <c>acl_match_dom</c> ('/', '?',
    /// '.' and ':' since 1.4.18): the pattern, stripped of leading and trailing delimiters, must appear in the
    /// value starting at the value's start or right after a delimiter, and ending at the value's end or right
    /// before one. A pattern made only of delimiters never matches.
    /// </summary>
    /// <param name="pattern">A string pattern.</param>
    /// <param name="value">The fetched value.</param>
    /// <param name="domain">True for <c>*_dom</c>, false for <c>*_dir</c>.</param>
    public static bool MatchWord(AclPattern pattern, ReadOnlySpan<byte> value, bool domain)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var p = PatternBytes(pattern);
        while (!p.IsEmpty && IsWordDelimiter(p[0], domain))
        {
            p = p[1..];
        }

        while (!p.IsEmpty && IsWordDelimiter(p[^1], domain))
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
            if (IsWordDelimiter(value[c], domain))
            {
                mayMatch = true;
                continue;
            }

            if (!mayMatch)
            {
                continue;
            }

            if (BytesEqual(p, value.Slice(c, p.Length), pattern.IgnoreCase)
                && (c == last || IsWordDelimiter(value[c + p.Length], domain)))
            {
                return true;
            }

            mayMatch = false;
        }

        return false;
    }

    private static bool IsWordDelimiter(byte b, bool domain) =>
        b == (byte)'/' || b == (byte)'?' || (domain && (b == (byte)'.' || b == (byte)':'));
}
