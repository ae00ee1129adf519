using System.Globalization;
using System.Net;
using HaproxyNet.Config.Parsing.Lexical;
using Sprache;

namespace HaproxyNet.Config.Parsing.Values;

/// <summary>IPv4 literals: strict dotted quad (<c>inet_pton</c>) and the numbers-and-dots forms (<c>inet_aton</c>).</summary>
public static class Ipv4Grammar
{
    /// <summary>One inet_pton octet: 1..3 decimal digits, no leading zero, at most 255.</summary>
    /// <remarks>A leaf read in one step: it runs four times per address, once per server line.</remarks>
    private static readonly Parser<byte> Octet = input =>
    {
        var len = Scan.End(input, char.IsDigit) - input.Position;
        var digits = input.Source.AsSpan(input.Position, len);
        if (len is 0 or > 3 || (len > 1 && digits[0] == '0'))
        {
            return Result.Failure<byte>(input, "octet expected", OctetExpectation);
        }

        var value = int.Parse(digits, CultureInfo.InvariantCulture);
        return value <= 255
            ? Result.Success((byte)value, Scan.Skip(input, len))
            : Result.Failure<byte>(input, "octet expected", OctetExpectation);
    };

    private static readonly string[] OctetExpectation = ["octet"];

    private static readonly Parser<byte> DotOctet = Scan.Char(".", "dot").Then(_ => Octet);

    private static readonly Parser<IPAddress> DottedQuad =
        from a in Octet
        from b in DotOctet
        from c in DotOctet
        from d in DotOctet
        select new IPAddress(new[] { a, b, c, d });

    private static readonly Parser<IPAddress> Pton = DottedQuad.End();

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

    /// <summary><c>inet_pton(AF_INET)</c>.</summary>
    public static bool TryParsePton(string text, out IPAddress address)
    {
        var r = Pton.TryParseText(text);
        address = r.WasSuccessful ? r.Value : IPAddress.None;
        return r.WasSuccessful;
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
