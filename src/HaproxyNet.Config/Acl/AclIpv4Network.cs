using System.Net;

namespace HaproxyNet.Config.Acl;

/// <summary>An IPv4 address and mask (host byte order; the mask may be non-contiguous, e.g. 255.0.255.0).</summary>
/// <param name="Address">Address as written, NOT masked (1.4 keeps it so and masks while matching).</param>
/// <param name="Mask">Mask; /32 when none was written.</param>
public readonly record struct AclIpv4Network(uint Address, uint Mask)
{
    /// <summary><c>acl_match_ip</c> for an IPv4 value in host byte order.</summary>
    public bool Contains(uint address) => ((address ^ Address) & Mask) == 0;

    /// <summary>
    /// <c>acl_match_ip</c> for any address: IPv6 addresses never match (1.4 checks the family first), not even
    /// IPv4-mapped ones.
    /// </summary>
    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return Contains(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes));
    }
}
