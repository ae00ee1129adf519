using HaproxyNet.Config.Parsing.Lexical;
using Sprache;

namespace HaproxyNet.Config.Parsing.Values;

/// <summary>C <c>atol</c>/<c>atoi</c>: optional blanks and sign, digits, the rest ignored; no number gives 0.</summary>
/// <remarks>glibc's <c>strtol</c> saturates on overflow; <c>atoi</c> then truncates to 32 bits.</remarks>
public static class IntegerGrammar
{
    /// <summary>Positive digits only, as <c>str2uic</c> reads them.</summary>
    private static readonly Parser<long> Unsigned =
        Scan.Many(char.IsDigit).Select(d => Accumulate(false, d));

    private static long Accumulate(bool negative, ReadOnlySpan<char> digits)
    {
        long v = 0;
        foreach (var d in digits)
        {
            if (v > (long.MaxValue - 9) / 10)
            {
                return negative ? long.MinValue : long.MaxValue;
            }

            v = (v * 10) + (d - '0');
        }

        return negative ? -v : v;
    }

    /// <summary>atol, read directly from the string (it runs for most numeric keyword arguments).</summary>
    public static long ParseLong(string text)
    {
        // Atol's rule on the string itself: the per-server path (port, weight, rise, fall) needs no parser input.
        var pos = 0;
        while (pos < text.Length && text[pos] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r')
        {
            pos++;
        }

        var negative = pos < text.Length && text[pos] == '-';
        if (pos < text.Length && text[pos] is '+' or '-')
        {
            pos++;
        }

        var start = pos;
        while (pos < text.Length && char.IsDigit(text[pos]))
        {
            pos++;
        }

        return Accumulate(negative, text.AsSpan(start, pos - start));
    }

    public static int ParseInt(string text) => unchecked((int)ParseLong(text));

    /// <summary><c>str2uic</c>: leading digits as an unsigned int (0 when none).</summary>
    public static int ParseUnsigned(string text) => unchecked((int)Unsigned.ParseText(text));

    /// <summary><c>strtoul(text, &amp;end, 0)</c>: decimal, 0x hex or 0 octal; returns the rest that was not read.</summary>
    public static ulong ParseCStyle(string text, out string rest)
    {
        var s = text.TrimStart(' ', '\t', '\n', '\v', '\f', '\r');
        var neg = false;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-'))
        {
            neg = s[0] == '-';
            s = s[1..];
        }

        var radix = 10;
        if (s.Length > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && s.Length > 2 && char.IsAsciiHexDigit(s[2]))
        {
            radix = 16;
            s = s[2..];
        }
        else if (s.Length > 0 && s[0] == '0')
        {
            radix = 8;
        }

        ulong v = 0;
        var i = 0;
        var any = false;
        for (; i < s.Length; i++)
        {
            var d = char.IsAsciiDigit(s[i]) ? s[i] - '0' : char.IsAsciiHexDigit(s[i]) ? char.ToLowerInvariant(s[i]) - 'a' + 10 : 99;
            if (d >= radix)
            {
                break;
            }

            any = true;
            v = unchecked((v * (ulong)radix) + (ulong)d);
        }

        rest = any ? s[i..] : text;
        return neg ? unchecked(0 - v) : v;
    }
}
