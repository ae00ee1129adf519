namespace HaproxyNet.Core.LoadBalancing;

/// <summary>rdp-cookie hashing.</summary>
public static partial class LbHash
{
    /// <summary>
    /// <c>balance rdp-cookie(name)</c>: in the RDP connection request, skips 11 bytes, expects <c>Cookie:</c>
    /// (case-insensitive), spaces, <c>name=</c> (case-insensitive), then takes the value up to a CR that must be
    /// followed by LF, and hashes it.
    /// </summary>
    /// <returns>False when the cookie is absent, incomplete or empty (round-robin fallback).</returns>
    /// <remarks>HAProxy 1.4 <c>get_server_rch</c> over <c>acl_fetch_rdp_cookie</c>.</remarks>
    public static bool TryHashRdpCookie(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> name, out uint hash)
    {
        hash = 0;
        if (!TryGetRdpCookie(payload, name, out var value) || value.IsEmpty)
        {
            return false;
        }

        hash = StringHash(value);
        return true;
    }

    /// <summary>Extracts the RDP cookie value (<c>acl_fetch_rdp_cookie</c>); false if absent or incomplete.</summary>
    public static bool TryGetRdpCookie(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (payload.Length <= 11)
        {
            return false;
        }

        var data = payload[11..];
        if (data.Length <= 7 || !System.Text.Ascii.EqualsIgnoreCase(data[..7], "Cookie:"u8))
        {
            return false;
        }

        data = data[7..];
        while (!data.IsEmpty && data[0] == (byte)' ')
        {
            data = data[1..];
        }

        if (!name.IsEmpty)
        {
            if (data.Length <= name.Length || data[name.Length] != (byte)'='
                || !System.Text.Ascii.EqualsIgnoreCase(data[..name.Length], name))
            {
                return false;
            }

            data = data[(name.Length + 1)..];
        }
        else
        {
            var eq = 0;
            while (eq < data.Length && data[eq] != (byte)'=')
            {
                if (data[eq] == (byte)'\r' || data[eq] == (byte)'\n')
                {
                    return false;
                }

                eq++;
            }

            if (eq >= data.Length)
            {
                return false;
            }

            data = data[(eq + 1)..];
        }

        var cr = data.IndexOf((byte)'\r');
        if (cr < 0 || data.Length - cr < 2 || data[cr + 1] != (byte)'\n')
        {
            return false;
        }

        value = data[..cr];
        return true;
    }
}
