using System.Buffers.Binary;

namespace HaproxyNet.Core.LoadBalancing;

/// <summary>The hash functions of the hash algorithms, as pure functions over spans (LB.md §5, §6).</summary>
/// <remarks>
/// HAProxy 1.4 backend.c: the hash loops of <c>get_server_sh</c>, <c>get_server_uh</c>, <c>get_server_ph</c>,
/// <c>get_server_ph_post</c>, <c>get_server_hh</c>, <c>get_server_rch</c>; <c>full_hash</c> (common/standard.h).
/// All arithmetic is modulo 2^32. The <c>tot_used == 1</c> shortcut (hash 0) is the caller's business
/// (<see cref="LbPicker"/>). Split by input in partial files.
/// </remarks>
public static partial class LbHash
{
    /// <summary>One step of the string hash: <c>h = c + (h &lt;&lt; 6) + (h &lt;&lt; 16) - h</c>.</summary>
    /// <remarks>
    /// <paramref name="b"/> is sign-extended as 1.4 reads it through a signed <c>char</c>: bytes &gt;= 0x80 count
    /// as <c>b - 256</c>.
    /// </remarks>
    public static uint Step(uint h, byte b) => unchecked((uint)(sbyte)b + (h << 6) + (h << 16) - h);

    /// <summary>The string hash of <paramref name="bytes"/> from 0 (the sdbm-style hash of backend.c).</summary>
    public static uint StringHash(ReadOnlySpan<byte> bytes)
    {
        uint h = 0;
        foreach (var b in bytes)
        {
            h = Step(h, b);
        }

        return h;
    }

    /// <summary>
    /// Bob Jenkins' 32-bit integer avalanche followed by a multiplication by 3221225473: the ring key of
    /// consistent hashing (<c>full_hash</c>).
    /// </summary>
    public static uint FullHash(uint a)
    {
        unchecked
        {
            a = a + 0x7ED55D16u + (a << 12);
            a = a ^ 0xC761C23Cu ^ (a >> 19);
            a = a + 0x165667B1u + (a << 5);
            a = (a + 0xD3A2646Cu) ^ (a << 9);
            a = a + 0xFD7046C5u + (a << 3);
            a = a ^ 0xB55A4F09u ^ (a >> 16);
            return a * 3221225473u;
        }
    }

    /// <summary>
    /// <c>balance source</c>: XOR of the address's big-endian 32-bit words (IPv4: the address as a number,
    /// 127.0.0.1 → 0x7F000001; IPv6: four words).
    /// </summary>
    /// <param name="address">4 or 16 bytes in network order; trailing bytes short of a word are ignored.</param>
    public static uint HashSource(ReadOnlySpan<byte> address)
    {
        uint h = 0;
        for (var l = 0; l + 4 <= address.Length; l += 4)
        {
            h ^= BinaryPrimitives.ReadUInt32BigEndian(address.Slice(l, 4));
        }

        return h;
    }

    /// <summary>
    /// <c>balance uri</c>: hashes the URI up to <c>?</c> (unless <paramref name="whole"/>), at most
    /// <paramref name="lenLimit"/> bytes, stopping at the (<paramref name="depth"/>+1)-th <c>/</c> (excluded).
    /// </summary>
    /// <param name="uri">The request URI.</param>
    /// <param name="lenLimit">Byte limit, 0 = none.</param>
    /// <param name="depth">Directory depth, 0 = none.</param>
    /// <param name="whole">Hash the query string too.</param>
    public static uint HashUri(ReadOnlySpan<byte> uri, int lenLimit, int depth, bool whole)
    {
        if (lenLimit > 0 && uri.Length > lenLimit)
        {
            uri = uri[..lenLimit];
        }

        // 1.4 stores depth + 1 and compares it with the running slash count; 0 never matches.
        var depth1 = depth > 0 ? depth + 1 : 0;
        var slashes = 0;
        uint h = 0;
        foreach (var c in uri)
        {
            if (c == (byte)'/')
            {
                slashes++;
                if (slashes == depth1)
                {
                    break;
                }
            }
            else if (c == (byte)'?' && !whole)
            {
                break;
            }

            h = Step(h, c);
        }

        return h;
    }
}
