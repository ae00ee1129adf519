using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HaproxyNet.Core.Diagnostics;

/// <summary>glibc's <c>inet_ntop</c> text for an address, which 1.4 prints in its <c>-d</c> accept line.</summary>
/// <remarks>
/// .NET's IPv6 text differs from glibc's for a few forms (it embeds IPv4 in ISATAP <c>::5efe:a.b.c.d</c> and SIIT
/// <c>::ffff:0:a.b.c.d</c> addresses, and not in <c>::0.0.0.n</c>), and appends <c>%scope</c>; glibc writes the
/// longest run of two or more zero words (the first on a tie) as <c>::</c>, embeds IPv4 only after six zero words
/// or five and <c>ffff</c>, and prints hex words without leading zeros.
/// </remarks>
public static class InetNtop
{
    /// <summary>INET6_ADDRSTRLEN without the terminating NUL.</summary>
    public const int MaxLength = 45;

    /// <summary>Writes the text into <paramref name="dest"/> (at least <see cref="MaxLength"/> chars); returns its length.</summary>
    public static int Format(IPAddress address, Span<char> dest)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.TryFormat(dest, out var n) ? n : 0;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        Span<int> words = stackalloc int[8];
        for (var i = 0; i < 8; i++)
        {
            words[i] = (bytes[2 * i] << 8) | bytes[(2 * i) + 1];
        }

        var (bestBase, bestLen) = LongestZeroRun(words);
        var pos = 0;
        for (var i = 0; i < 8; i++)
        {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen)
            {
                if (i == bestBase)
                {
                    dest[pos++] = ':';
                }

                continue;
            }

            if (i != 0)
            {
                dest[pos++] = ':';
            }

            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xffff)))
            {
                return pos + DottedQuad(bytes[12..], dest[pos..]);
            }

            words[i].TryFormat(dest[pos..], out var n, "x", CultureInfo.InvariantCulture);
            pos += n;
        }

        if (bestBase >= 0 && bestBase + bestLen == 8)
        {
            dest[pos++] = ':';
        }

        return pos;
    }

    /// <summary>a.b.c.d of four bytes.</summary>
    private static int DottedQuad(ReadOnlySpan<byte> b, Span<char> dest)
    {
        var pos = 0;
        for (var i = 0; i < 4; i++)
        {
            if (i > 0)
            {
                dest[pos++] = '.';
            }

            b[i].TryFormat(dest[pos..], out var n, default, CultureInfo.InvariantCulture);
            pos += n;
        }

        return pos;
    }

    /// <summary>The first longest run of zero words, if at least two long; (-1, 0) otherwise.</summary>
    private static (int Base, int Len) LongestZeroRun(ReadOnlySpan<int> words)
    {
        int bestBase = -1, bestLen = 0, curBase = -1, curLen = 0;
        for (var i = 0; i < 8; i++)
        {
            if (words[i] == 0)
            {
                if (curBase < 0)
                {
                    curBase = i;
                    curLen = 0;
                }

                curLen++;
                if (curLen > bestLen)
                {
                    (bestBase, bestLen) = (curBase, curLen);
                }
            }
            else
            {
                curBase = -1;
            }
        }

        return bestLen >= 2 ? (bestBase, bestLen) : (-1, 0);
    }
}
