using System.Net;

namespace HaproxyNet.Config.Acl;

public static partial class AclParser
{
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
