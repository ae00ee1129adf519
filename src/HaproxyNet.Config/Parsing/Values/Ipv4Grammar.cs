using System.Globalization;
using System.Net;
using HaproxyNet.Config.Parsing.Lexical;
using Sprache;

namespace HaproxyNet.Config.Parsing.Values;

/// <summary>IPv4 literals: strict dotted quad (<c>inet_pton</c>) and the numbers-and-dots forms (<c>inet_aton</c>).</summary>
public static class Ipv4Grammar
{
    /// <summary>An inet_aton part: decimal, 0-prefixed octal or 0x hex.</summary>
    private static readonly Parser<ulong?> AtonPart =
        Parse.Regex("0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*").Select(ConvertPart)
            .Or(Parse.Regex("[0-9]+").Return((ulong?)null));

    private static readonly Parser<IEnumerable<ulong?>> AtonParts = AtonPart.DelimitedBy(Parse.Char('.')).End();

    private static ulong? ConvertPart(string s)
    {
        try
        {
            if (s.Length > 1 && (s[1] == 'x' || s[1] == 'X'))
            {
                return s.Length == 2 ? 0 : Convert.ToUInt64(s[2..], 16);
            }

            return s.Length > 1 && s[0] == '0' ? Convert.ToUInt64(s[1..], 8) : ulong.Parse(s);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary><c>inet_pton(AF_INET)</c>: four octets of 1..3 digits, no leading zero, at most 255, nothing else.</summary>
    /// <remarks>A direct scan: it runs once per server line, where parser combinators cost start-up time (JIT).</remarks>
    public static bool TryParsePton(string text, out IPAddress address)
    {
        address = IPAddress.None;
        Span<byte> octets = stackalloc byte[4];
        var pos = 0;
        for (var i = 0; i < 4; i++)
        {
            if (i > 0)
            {
                if (pos >= text.Length || text[pos] != '.')
                {
                    return false;
                }

                pos++;
            }

            var start = pos;
            var value = 0;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]) && pos - start < 4)
            {
                value = (value * 10) + (text[pos] - '0');
                pos++;
            }

            var len = pos - start;
            if (len is 0 or > 3 || (len > 1 && text[start] == '0') || value > 255)
            {
                return false;
            }

            octets[i] = (byte)value;
        }

        if (pos != text.Length)
        {
            return false;
        }

        address = new IPAddress(octets);
        return true;
    }

    /// <summary><c>inet_aton</c>: a, a.b, a.b.c or a.b.c.d with C number prefixes.</summary>
    public static bool TryParseAton(string text, out IPAddress address)
    {
        address = IPAddress.None;
        var r = AtonParts.TryParseText(text);
        if (!r.WasSuccessful)
        {
            return false;
        }

        var parts = r.Value.ToList();
        if (parts.Count is < 1 or > 4 || parts.Any(p => p is null))
        {
            return false;
        }

        var v = parts.Select(p => p!.Value).ToList();
        ulong value;
        switch (v.Count)
        {
            case 1:
                if (v[0] > 0xffffffff)
                {
                    return false;
                }

                value = v[0];
                break;
            case 2:
                if (v[0] > 255 || v[1] > 0xffffff)
                {
                    return false;
                }

                value = (v[0] << 24) | v[1];
                break;
            case 3:
                if (v[0] > 255 || v[1] > 255 || v[2] > 0xffff)
                {
                    return false;
                }

                value = (v[0] << 24) | (v[1] << 16) | v[2];
                break;
            default:
                if (v.Any(x => x > 255))
                {
                    return false;
                }

                value = (v[0] << 24) | (v[1] << 16) | (v[2] << 8) | v[3];
                break;
        }

        address = new IPAddress(new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value });
        return true;
    }
}
