namespace HaproxyNet.Core.LoadBalancing;

/// <summary>url_param hashing.</summary>
public static partial class LbHash
{
    /// <summary>
    /// <c>balance url_param</c> on the URI: finds, after the first <c>?</c>, the first <c>&amp;</c>-separated
    /// parameter named exactly <paramref name="name"/> (case-sensitive) followed by <c>=</c>, and hashes its value
    /// (up to <c>&amp;</c> or the end; an empty value hashes to 0 and still counts as found).
    /// </summary>
    /// <returns>False when there is no query string or no such parameter (round-robin fallback).</returns>
    /// <remarks>HAProxy 1.4 <c>get_server_ph</c>.</remarks>
    public static bool TryHashUrlParam(ReadOnlySpan<byte> uri, ReadOnlySpan<byte> name, out uint hash)
    {
        hash = 0;
        var q = uri.IndexOf((byte)'?');
        if (q < 0)
        {
            return false;
        }

        return TryHashParam(uri[(q + 1)..], name, checkToken: false, out hash);
    }

    /// <summary>
    /// <c>url_param ... check_post</c> on a POST body: the same search over the body bytes, but the value must be
    /// URL-encoded: a non-token byte ends it if it is a space, tab, CR or LF, and otherwise makes the whole search
    /// fail (binary bodies hold no parameters).
    /// </summary>
    /// <param name="body">The buffered body bytes, already limited to the body length (first chunk's data when chunked).</param>
    /// <param name="name">The parameter name.</param>
    /// <param name="hash">The value's hash when found.</param>
    /// <remarks>HAProxy 1.4 <c>get_server_ph_post</c>.</remarks>
    public static bool TryHashUrlParamBody(ReadOnlySpan<byte> body, ReadOnlySpan<byte> name, out uint hash)
        => TryHashParam(body, name, checkToken: true, out hash);

    /// <summary>
    /// For a chunked POST body, the data of its first chunk as <c>get_server_ph_post</c> sees it: the chunk size
    /// is hex digits up to CR or LF (any other byte, extensions included, fails), followed by exactly two CR/LF
    /// bytes; the data is then the chunk size, limited here to the bytes actually buffered.
    /// </summary>
    /// <param name="body">The buffered body from its first byte.</param>
    /// <param name="data">The first chunk's buffered data.</param>
    /// <returns>False when the chunk-size line is malformed or incomplete.</returns>
    public static bool TryGetFirstChunk(ReadOnlySpan<byte> body, out ReadOnlySpan<byte> data)
    {
        data = default;
        uint chunk = 0;
        var i = 0;
        while (i < body.Length && body[i] != (byte)'\r' && body[i] != (byte)'\n')
        {
            var c = body[i];
            int hex = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => -1,
            };
            if (hex < 0)
            {
                return false;
            }

            chunk = unchecked((chunk << 4) | (uint)hex);
            i++;
        }

        if (i + 1 >= body.Length || !IsCrLf(body[i]) || !IsCrLf(body[i + 1]))
        {
            return false;
        }

        var rest = body[(i + 2)..];
        data = chunk < (uint)rest.Length ? rest[..(int)chunk] : rest;
        return true;

        static bool IsCrLf(byte b) => b is (byte)'\r' or (byte)'\n';
    }

    private static bool TryHashParam(ReadOnlySpan<byte> parms, ReadOnlySpan<byte> name, bool checkToken, out uint hash)
    {
        hash = 0;
        var plen = name.Length;
        while (parms.Length > plen)
        {
            if (parms[plen] == (byte)'=' && parms[..plen].SequenceEqual(name))
            {
                uint h = 0;
                foreach (var c in parms[(plen + 1)..])
                {
                    if (c == (byte)'&')
                    {
                        break;
                    }

                    if (checkToken && !HttpChars.IsToken(c))
                    {
                        if (HttpChars.IsLws(c))
                        {
                            break;
                        }

                        return false;
                    }

                    h = Step(h, c);
                }

                hash = h;
                return true;
            }

            var amp = parms.IndexOf((byte)'&');
            if (amp < 0)
            {
                return false;
            }

            parms = parms[(amp + 1)..];
        }

        return false;
    }
}
