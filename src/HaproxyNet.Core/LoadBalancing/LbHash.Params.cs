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
