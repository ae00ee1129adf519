using System.Net;

namespace HaproxyNet.Config.Acl;

public static partial class AclParser
{
    private static readonly string[] MethodNames = ["OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "CONNECT"];

    /// <summary>Parses one value (possibly preceded by operator words) with the criterion's parser.</summary>
    /// <returns>Words consumed, 0 on error (1.4's <c>aclkw-&gt;parse</c> contract).</returns>
    private static int TryParseValue(
        AclCriterion criterion,
        ref WordCursor words,
        bool ignoreCase,
        bool fromFile,
        ref ValueParserState state,
        AclParseContext context,
        List<AclPattern> patterns)
    {
        switch (criterion.ValueType)
        {
            case AclValueType.None:
                patterns.Add(AclPattern.CreateNone(fromFile));
                return 1;
            case AclValueType.Integer:
            case AclValueType.DottedVersion:
                {
                    var consumed = TryParseIntRange(
                        ref words, criterion.ValueType == AclValueType.DottedVersion, ref state.Operator, out var range);
                    if (consumed != 0)
                    {
                        patterns.Add(AclPattern.CreateRange(range, ignoreCase, fromFile));
                    }

                    return consumed;
                }

            case AclValueType.Ip:
                if (!TryParseNetwork(words.Current, context, out var network))
                {
                    return 0;
                }

                patterns.Add(AclPattern.CreateNetwork(network, ignoreCase, fromFile));
                return 1;
            case AclValueType.String:
                patterns.Add(AclPattern.CreateString(CString(words.Current), ignoreCase, fromFile));
                return 1;
            case AclValueType.Regex:
                if (!PosixRegex.TryCompile(CString(words.Current), ignoreCase, out var regex))
                {
                    return 0;
                }

                patterns.Add(AclPattern.CreateRegex(regex, ignoreCase, fromFile));
                return 1;
            case AclValueType.Method:
                {
                    var text = CString(words.Current);
                    patterns.Add(AclPattern.CreateMethod(FindHttpMethod(text), text, ignoreCase, fromFile));
                    return 1;
                }

            case AclValueType.StringConcat:
                {
                    var count = 0;
                    while (words.Peek(count).Length != 0)
                    {
                        count++;
                    }

                    var joined = new string[count];
                    for (var i = 0; i < count; i++)
                    {
                        joined[i] = CString(words.Peek(i));
                    }

                    patterns.Add(AclPattern.CreateGroupNames(string.Join(' ', joined), ignoreCase, fromFile));
                    return count;
                }

            default:
                return 0;
        }
    }

    /// <summary>
    /// <c>find_http_meth</c>: standard methods by exact, case-sensitive identity; other words starting with
    /// A-Z are <see cref="AclHttpMethod.Other"/>; anything else is <see cref="AclHttpMethod.None"/>.
    /// </summary>
    public static AclHttpMethod FindHttpMethod(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !char.IsAsciiLetterUpper(text[0]))
        {
            return AclHttpMethod.None;
        }

        for (var i = 0; i < MethodNames.Length; i++)
        {
            if (text.SequenceEqual(MethodNames[i]))
            {
                return (AclHttpMethod)(i + 1);
            }
        }

        return AclHttpMethod.Other;
    }

    /// <summary><see cref="FindHttpMethod(ReadOnlySpan{char})"/> on raw request bytes (the engine's request line).</summary>
    public static AclHttpMethod FindHttpMethod(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty || text[0] < (byte)'A' || text[0] > (byte)'Z')
        {
            return AclHttpMethod.None;
        }

        for (var i = 0; i < MethodNames.Length; i++)
        {
            var name = MethodNames[i];
            if (text.Length != name.Length)
            {
                continue;
            }

            var same = true;
            for (var j = 0; j < name.Length; j++)
            {
                if (text[j] != name[j])
                {
                    same = false;
                    break;
                }
            }

            if (same)
            {
                return (AclHttpMethod)(i + 1);
            }
        }

        return AclHttpMethod.Other;
    }

    /// <summary>A C string ends at its first NUL (a <c>\x00</c> escape truncates the value in 1.4).</summary>
    private static string CString(string word)
    {
        var nul = word.IndexOf('\0', StringComparison.Ordinal);
        return nul < 0 ? word : word[..nul];
    }

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

    /// <summary>
    /// <c>acl_parse_ip</c> / <c>str2net</c>: <c>a.b.c.d[/mask]</c> with a dotted or 0..32 CIDR mask. An address that
    /// is not a strict dotted quad goes through host name resolution (<see cref="Environment.IConfigEnvironment.TryResolveHost"/>,
    /// gethostbyname, which with glibc also accepts short numeric forms such as <c>127.1</c>).
    /// </summary>
    internal static bool TryParseNetwork(string text, AclParseContext context, out AclIpv4Network network)
    {
        network = default;
        text = CString(text);
        var address = text;
        var mask = uint.MaxValue;
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            address = text[..slash];
            if (!TryParseMask(text.AsSpan(slash + 1), out mask))
            {
                return false;
            }
        }

        if (!TryParseDottedQuad(address, out var addr))
        {
            if (!context.Environment.TryResolveHost(address, out var resolved)
                || resolved.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            {
                return false;
            }

            Span<byte> bytes = stackalloc byte[4];
            resolved.TryWriteBytes(bytes, out _);
            addr = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes);
        }

        network = new AclIpv4Network(addr, mask);
        return true;
    }

    /// <summary><c>str2mask</c>: dotted (any bit pattern) when it has a dot, else <c>strtol</c> bits 0..32.</summary>
    private static bool TryParseMask(ReadOnlySpan<char> text, out uint mask)
    {
        mask = 0;
        if (text.Contains('.'))
        {
            return TryParseDottedQuad(text, out mask);
        }

        // strtol: leading white space, optional sign, digits; the whole string must be consumed.
        var pos = 0;
        while (pos < text.Length && (text[pos] == ' ' || (text[pos] >= '\t' && text[pos] <= '\r')))
        {
            pos++;
        }

        var negative = false;
        if (pos < text.Length && (text[pos] == '+' || text[pos] == '-'))
        {
            negative = text[pos] == '-';
            pos++;
        }

        var digitsStart = pos;
        long bits = 0;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            bits = Math.Min((bits * 10) + (text[pos] - '0'), int.MaxValue);
            pos++;
        }

        if (text.IsEmpty || pos == digitsStart || pos != text.Length)
        {
            return false;
        }

        if (negative)
        {
            bits = -bits;
        }

        if ((ulong)bits > 32)
        {
            return false;
        }

        mask = bits == 0 ? 0 : uint.MaxValue << (int)(32 - bits);
        return true;
    }

    /// <summary>glibc <c>inet_pton(AF_INET)</c>: exactly four decimal parts 0..255, no leading zeros, nothing else.</summary>
    internal static bool TryParseDottedQuad(ReadOnlySpan<char> text, out uint address)
    {
        address = 0;
        var parts = 0;
        var pos = 0;
        while (true)
        {
            var start = pos;
            var part = 0;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                if (pos > start && text[start] == '0')
                {
                    return false;
                }

                part = (part * 10) + (text[pos] - '0');
                if (part > 255)
                {
                    return false;
                }

                pos++;
            }

            if (pos == start)
            {
                return false;
            }

            address = (address << 8) | (uint)part;
            parts++;
            if (pos == text.Length)
            {
                return parts == 4;
            }

            if (text[pos] != '.' || parts == 4)
            {
                return false;
            }

            pos++;
        }
    }

    /// <summary>Convenience for tests and the engine: <see cref="TryParseDottedQuad"/> as an <see cref="IPAddress"/>.</summary>
    internal static IPAddress ToAddress(uint address) =>
        new(new[] { (byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address });
}
