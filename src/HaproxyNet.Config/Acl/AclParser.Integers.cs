namespace HaproxyNet.Config.Acl;

public static partial class AclParser
{
    /// <summary>
    /// <c>acl_parse_int</c> / <c>acl_parse_dotted_ver</c>: optional operator words, then <c>N</c>, <c>N:M</c> or
    /// <c>N-M</c>. Parsing of the number stops silently at the first unexpected character (<c>10abc</c> is 10,
    /// <c>5:</c> is the empty range 5..0) but the word must start with a digit (<c>:5</c>, <c>-5</c> fail).
    /// </summary>
    /// <returns>Words consumed (operators included), 0 on error.</returns>
    private static int TryParseIntRange(ref WordCursor words, bool dotted, ref int op, out AclIntRange range)
    {
        range = default;
        var skip = 0;
        var text = words.Current;
        while (text.Length == 0 || !char.IsAsciiDigit(text[0]))
        {
            switch (text)
            {
                case "eq": op = 0; break;
                case "gt": op = 1; break;
                case "ge": op = 2; break;
                case "lt": op = 3; break;
                case "le": op = 4; break;
                default: return 0;
            }

            skip++;
            text = words.Peek(skip);
        }

        var hasRange = false;
        long min = 0;
        long value;
        if (dotted)
        {
            if (!TryScanDotted(text, ref hasRange, ref min, out value))
            {
                return 0;
            }
        }
        else
        {
            value = ScanInteger(text, ref hasRange, ref min);
        }

        if (hasRange && op != 0)
        {
            // A range with an operator other than eq is absurd to 1.4.
            return 0;
        }

        if (!hasRange)
        {
            min = value;
        }

        var max = value;
        range = op switch
        {
            1 => new AclIntRange(unchecked(min + 1), max, true, false),
            2 => new AclIntRange(min, max, true, false),
            3 => new AclIntRange(min, unchecked(max - 1), false, true),
            4 => new AclIntRange(min, max, false, true),
            _ => new AclIntRange(min, max, true, true),
        };
        return skip + 1;
    }

    private static long ScanInteger(string text, ref bool hasRange, ref long min)
    {
        long i = 0;
        foreach (var c in text)
        {
            if ((c == '-' || c == ':') && !hasRange)
            {
                hasRange = true;
                min = i;
                i = 0;
                continue;
            }

            var digit = c - '0';
            if ((uint)digit > 9)
            {
                break;
            }

            i = unchecked((i * 10) + digit);
        }

        return i;
    }

    /// <summary>Dotted version scan, with 1.4's packing quirks kept (a major of 0 before a dot is lost: 0.5 = 5.0).</summary>
    private static bool TryScanDotted(string text, ref bool hasRange, ref long min, out long value)
    {
        long i = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (i >= 65536)
                {
                    value = 0;
                    return false;
                }

                i <<= 16;
                continue;
            }

            if ((c == '-' || c == ':') && !hasRange)
            {
                hasRange = true;
                if (i < 65536)
                {
                    i <<= 16;
                }

                min = i;
                i = 0;
                continue;
            }

            var digit = c - '0';
            if ((uint)digit > 9)
            {
                break;
            }

            i = unchecked((i & 0xFFFF0000L) + ((i & 0xFFFF) * 10) + digit);
        }

        if (i < 65536)
        {
            i <<= 16;
        }

        value = i;
        return true;
    }
}
