namespace HaproxyNet.Core.Http.Persistence;

/// <summary>1.4.25's <c>check_response_for_cacheability</c>: Pragma and Cache-control of the response.</summary>
public static class HttpCacheability
{
    /// <summary>
    /// Clears <see cref="HttpTxn.Cacheable"/> for <c>Pragma: no-cache</c>, <c>Cache-control: private</c>,
    /// <c>no-cache</c> (recorded from 1.4.25: no 502 under checkcache, no <c>Cache-control: private</c> added), <c>no-store</c>, <c>max-age=0</c>, <c>s-maxage=0</c>; <c>no-cache="set-cookie"</c> only forbids caching the
    /// cookie; <c>public</c> makes it cacheable again. Only looks when the response is cacheable so far.
    /// </summary>
    public static void CheckResponse(HttpTxn txn, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(txn);
        if (!txn.Cacheable)
        {
            return;
        }

        var msg = txn.Rsp;
        var idx = txn.RspIdx;
        var next = HttpHeaderOps.FirstLine(msg, idx);
        for (var cur = idx.FirstIdx; cur != 0; cur = idx[cur].Next)
        {
            var beg = next;
            var end = beg + idx[cur].Length;
            next = end + (idx[cur].Cr ? 2 : 1);
            if (CookieText.IsHeader(data, beg, end, "Pragma"u8))
            {
                var v = SkipSpaces(data, beg + 7, end);
                if (end - v >= 8 && HttpHeaderOps.EqualsIgnoreCase(data.Slice(v, 8), "no-cache"u8))
                {
                    txn.Cacheable = false;
                    txn.CacheCookie = false;
                    return;
                }
            }

            if (!CookieText.IsHeader(data, beg, end, "Cache-control"u8))
            {
                continue;
            }

            var p1 = SkipSpaces(data, beg + 14, end);
            if (p1 >= end)
            {
                continue;
            }

            var p2 = p1;
            while (p2 < end && data[p2] != (byte)'=' && data[p2] != (byte)',' && !IsSpace(data[p2]))
            {
                p2++;
            }

            if (p2 < end && data[p2] == (byte)'=')
            {
                if (end - p1 >= 21 && HttpHeaderOps.EqualsIgnoreCase(data.Slice(p1, 20), "no-cache=\"set-cookie"u8)
                    && (data[p1 + 20] == (byte)'"' || data[p1 + 20] == (byte)','))
                {
                    txn.CacheCookie = false;
                }

                continue;
            }

            var word = data[p1..p2];
            if (HttpHeaderOps.EqualsIgnoreCase(word, "private"u8) || HttpHeaderOps.EqualsIgnoreCase(word, "no-cache"u8)
                || HttpHeaderOps.EqualsIgnoreCase(word, "no-store"u8)
                || HttpHeaderOps.EqualsIgnoreCase(word, "max-age=0"u8) || HttpHeaderOps.EqualsIgnoreCase(word, "s-maxage=0"u8))
            {
                txn.Cacheable = false;
                txn.CacheCookie = false;
                return;
            }

            if (HttpHeaderOps.EqualsIgnoreCase(word, "public"u8))
            {
                txn.Cacheable = true;
                txn.CacheCookie = true;
            }
        }
    }

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0B or 0x0C;

    private static int SkipSpaces(ReadOnlySpan<byte> data, int p, int end)
    {
        while (p < end && CookieText.IsSpHt(data[p]))
        {
            p++;
        }

        return p;
    }
}
