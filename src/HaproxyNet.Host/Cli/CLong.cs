namespace HaproxyNet.Host.Cli;

/// <summary>C library number conversions the command line relies on.</summary>
internal static class CLong
{
    /// <summary>
    /// <c>atol</c> as glibc does it (<c>strtol(s, NULL, 10)</c>): skips leading white space, takes an
    /// optional sign and the longest run of decimal digits, ignores the rest, 0 when no digit, and
    /// saturates at the 64-bit limits on overflow.
    /// </summary>
    public static long Atol(string text)
    {
        var i = 0;
        while (i < text.Length && IsCSpace(text[i]))
        {
            i++;
        }

        var negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }

        // Accumulate negatively so that long.MinValue is reachable without overflow.
        long value = 0;
        var overflow = false;
        for (; i < text.Length && text[i] >= '0' && text[i] <= '9'; i++)
        {
            var digit = text[i] - '0';
            if (overflow)
            {
                continue;
            }

            if (value < (long.MinValue + digit) / 10)
            {
                overflow = true;
                continue;
            }

            value = (value * 10) - digit;
        }

        if (overflow)
        {
            return negative ? long.MinValue : long.MaxValue;
        }

        if (negative)
        {
            return value;
        }

        return value == long.MinValue ? long.MaxValue : -value;
    }

    /// <summary><c>atol</c> stored into a C <c>int</c>: the low 32 bits, as the 1.4 globals keep it.</summary>
    public static int AtolToInt(string text) => unchecked((int)Atol(text));

    /// <summary>C <c>isspace</c> in the C locale.</summary>
    private static bool IsCSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r');
}
