using HaproxyNet.Core.Buffers;

namespace HaproxyNet.Core.Http.Persistence;

/// <summary>
/// The byte-level helpers of 1.4's cookie code: header name match, value ends, <c>del_hdr_value</c> and the
/// 30-bit base64 dates (<c>s30tob64</c> / <c>b64tos30</c>). Offsets are from the channel's head.
/// </summary>
public static class CookieText
{
    private static ReadOnlySpan<byte> Base64Tab => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"u8;

    /// <summary>True for a space or a horizontal tab (http_is_spht).</summary>
    public static bool IsSpHt(byte c) => c is (byte)' ' or (byte)'\t';

    /// <summary>True for CR or LF (http_is_crlf).</summary>
    public static bool IsCrLf(byte c) => c is (byte)'\r' or (byte)'\n';

    /// <summary>http_header_match2: the line starts with <paramref name="name"/> (any case) immediately followed by ':'.</summary>
    public static bool IsHeader(ReadOnlySpan<byte> data, int beg, int end, ReadOnlySpan<byte> name) =>
        end - beg > name.Length && data[beg + name.Length] == (byte)':'
        && HttpHeaderOps.EqualsIgnoreCase(data.Slice(beg, name.Length), name);

    /// <summary>find_cookie_value_end: the first unquoted ',' or ';' from <paramref name="s"/>, else <paramref name="e"/>.</summary>
    public static int FindCookieValueEnd(ReadOnlySpan<byte> data, int s, int e)
    {
        var quoted = false;
        var pair = false;
        for (; s < e; s++)
        {
            var c = data[s];
            if (pair)
            {
                pair = false;
            }
            else if (quoted)
            {
                if (c == (byte)'\\')
                {
                    pair = true;
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
            else if (c is (byte)',' or (byte)';')
            {
                return s;
            }
        }

        return s;
    }

    /// <summary>find_hdr_value_end: the first unquoted ',' from <paramref name="s"/>, else <paramref name="e"/>.</summary>
    public static int FindHdrValueEnd(ReadOnlySpan<byte> data, int s, int e)
    {
        var quoted = false;
        var pair = false;
        for (; s < e; s++)
        {
            var c = data[s];
            if (pair)
            {
                pair = false;
            }
            else if (quoted)
            {
                if (c == (byte)'\\')
                {
                    pair = true;
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
                return s;
            }
        }

        return s;
    }

    /// <summary>Removes <paramref name="length"/> bytes at <paramref name="offset"/>; returns the size change.</summary>
    public static int Delete(Channel b, int offset, int length) => length == 0 ? 0 : b.Replace(offset, length, default) ?? 0;

    /// <summary>
    /// del_hdr_value: removes the value between the delimiter (or colon) at <paramref name="from"/> and the
    /// delimiter (or line end) at <paramref name="next"/>, keeping one delimiter and one space, as 1.4 does.
    /// <paramref name="from"/> is moved back over the spaces before it (not for a colon).
    /// </summary>
    /// <returns>The size change of the message.</returns>
    public static int DelHdrValue(Channel b, ref int from, int next)
    {
        var data = b.GetDataSpan();
        var prev = from;
        if (data[prev] == (byte)':')
        {
            // First value: keep the colon and, if room, one space.
            if (!IsCrLf(data[next]))
            {
                next++;
            }

            prev++;
            if (prev < next)
            {
                data[prev++] = (byte)' ';
            }

            while (IsSpHt(data[next]))
            {
                next++;
            }
        }
        else
        {
            while (IsSpHt(data[prev - 1]))
            {
                prev--;
            }

            from = prev;
            if (!IsCrLf(data[next]))
            {
                data[prev++] = data[next++];
                if (prev + 1 < next)
                {
                    data[prev++] = (byte)' ';
                }

                while (IsSpHt(data[next]))
                {
                    next++;
                }
            }
        }

        return Delete(b, prev, next - prev);
    }

    /// <summary>b64tos30: five base64 characters to a 30-bit value, -1 when one is not base64.</summary>
    public static int B64ToS30(ReadOnlySpan<byte> s)
    {
        var v = 0;
        for (var i = 0; i < 5; i++)
        {
            var c = s[i];
            int d = c switch
            {
                >= (byte)'A' and <= (byte)'Z' => c - 'A',
                >= (byte)'a' and <= (byte)'z' => c - 'a' + 26,
                >= (byte)'0' and <= (byte)'9' => c - '0' + 52,
                (byte)'+' => 62,
                (byte)'/' => 63,
                _ => -1,
            };
            if (d < 0)
            {
                return -1;
            }

            v = (v << 6) + d;
        }

        return v;
    }

    /// <summary>s30tob64: the low 30 bits of <paramref name="v"/> as five base64 characters, most significant first.</summary>
    public static void S30ToB64(int v, Span<byte> dst)
    {
        for (var i = 0; i < 5; i++)
        {
            dst[i] = Base64Tab[(v >> 24) & 0x3F];
            v <<= 6;
        }
    }
}
