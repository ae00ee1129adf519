namespace HaproxyNet.Core.LoadBalancing;

/// <summary>hdr() hashing.</summary>
public static partial class LbHash
{
    /// <summary>
    /// <c>balance hdr(name)</c>: hashes the first comma-separated value of the first header called
    /// <paramref name="name"/> (case-insensitive), leading and trailing spaces/tabs excluded. With
    /// <paramref name="useDomainOnly"/>, hashes in reverse order the bytes between the last dot and the one before
    /// it (<c>www.example.com</c> → <c>elpmaxe</c>; no dot → 0).
    /// </summary>
    /// <param name="headers">Raw header lines, each ending in LF or CRLF (request line excluded).</param>
    /// <param name="name">The header name.</param>
    /// <param name="useDomainOnly">The <c>use_domain_only</c> modifier.</param>
    /// <param name="hash">The hash when found.</param>
    /// <returns>False when the header is absent or its first value is empty (round-robin fallback).</returns>
    /// <remarks>HAProxy 1.4 <c>get_server_hh</c> over <c>http_find_header2</c>.</remarks>
    public static bool TryHashHeader(ReadOnlySpan<byte> headers, ReadOnlySpan<byte> name, bool useDomainOnly, out uint hash)
    {
        hash = 0;
        if (!TryFindHeaderValue(headers, name, out var value) || value.IsEmpty)
        {
            return false;
        }

        hash = useDomainOnly ? HashDomain(value) : StringHash(value);
        return true;
    }

    /// <summary>The use_domain_only hash of a header value (scanned backwards from its end).</summary>
    public static uint HashDomain(ReadOnlySpan<byte> value)
    {
        uint h = 0;
        var dohash = false;
        for (var i = value.Length - 1; i >= 0; i--)
        {
            var c = value[i];
            if (c == (byte)'.')
            {
                if (dohash)
                {
                    break;
                }

                dohash = true;
            }
            else if (dohash)
            {
                h = Step(h, c);
            }
        }

        return h;
    }

    /// <summary>
    /// Finds the first value (up to an unquoted comma or the end of line, spaces trimmed) of the first header line
    /// named <paramref name="name"/>.
    /// </summary>
    internal static bool TryFindHeaderValue(ReadOnlySpan<byte> headers, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        while (!headers.IsEmpty)
        {
            var eol = headers.IndexOf((byte)'\n');
            var line = eol < 0 ? headers : headers[..eol];
            headers = eol < 0 ? default : headers[(eol + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.Length <= name.Length || line[name.Length] != (byte)':' || !EqualsIgnoreAsciiCase(line[..name.Length], name))
            {
                continue;
            }

            var v = line[(name.Length + 1)..];
            var start = 0;
            while (start < v.Length && HttpChars.IsSpHt(v[start]))
            {
                start++;
            }

            v = v[start..];
            v = v[..FindHeaderValueEnd(v)];
            var len = v.Length;
            while (len > 0 && HttpChars.IsSpHt(v[len - 1]))
            {
                len--;
            }

            value = v[..len];
            return true;
        }

        return false;
    }

    /// <summary>End of a list element: the first comma outside a quoted string (<c>find_hdr_value_end</c>).</summary>
    private static int FindHeaderValueEnd(ReadOnlySpan<byte> v)
    {
        bool quoted = false, qdpair = false;
        for (var i = 0; i < v.Length; i++)
        {
            var c = v[i];
            if (qdpair)
            {
                qdpair = false;
            }
            else if (quoted)
            {
                if (c == (byte)'\\')
                {
                    qdpair = true;
                }
                else if (c == (byte)'"')
                {
                    quoted = false;
                }
            }
            else if (c == (byte)'"')
            {
                quoted = true;
            }
            else if (c == (byte)',')
            {
                return i;
            }
        }

        return v.Length;
    }

    private static bool EqualsIgnoreAsciiCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
        => System.Text.Ascii.EqualsIgnoreCase(a, b);
}
