namespace HaproxyNet.Core.Http.Parsing;

/// <summary>
/// Body length determination once headers are complete (the Transfer-Encoding / Content-Length part of 1.4's
/// <c>http_wait_for_request</c> and <c>http_wait_for_response</c>).
/// </summary>
public static class HttpBodyLength
{
    /// <summary>
    /// Request framing: Transfer-Encoding is only looked at for HTTP/1.1 requests (chunked last = chunked;
    /// chunked followed by another coding = length unknown); otherwise every Content-Length value must parse,
    /// be non-negative and equal to the others. No indication = length 0, known.
    /// Sets <see cref="HttpMsg.BodyLength"/> and <see cref="HttpMsg.ChunkLength"/> to the Content-Length.
    /// </summary>
    /// <returns><see cref="HttpParseResult.Ok"/>, or <see cref="HttpParseResult.Error"/> with
    /// <see cref="HttpMsg.ErrPos"/> on the bad value (1.4 answers 400).</returns>
    public static HttpParseResult Request(ReadOnlySpan<byte> data, HttpMsg msg, HdrIdx idx, bool http11, out HttpLengthFlags flags)
    {
        var r = Determine(data, msg, idx, http11, out flags, out var closeOnly);
        if (r == HttpParseResult.Ok && !closeOnly)
        {
            flags |= HttpLengthFlags.XferLen; // no body indication: length 0, known
        }

        return r;
    }

    /// <summary>
    /// Response framing: a response to HEAD, a 1xx, 204 or 304 has no body (length known); otherwise as for the
    /// request, and without any indication the length is unknown (read until the server closes).
    /// </summary>
    /// <returns><see cref="HttpParseResult.Ok"/>, or <see cref="HttpParseResult.Error"/> (1.4 answers 502).</returns>
    public static HttpParseResult Response(ReadOnlySpan<byte> data, HttpMsg msg, HdrIdx idx, bool http11, HttpMeth requestMethod, int status, out HttpLengthFlags flags)
    {
        if (requestMethod == HttpMeth.Head || (status >= 100 && status < 200) || status == 204 || status == 304)
        {
            flags = HttpLengthFlags.XferLen;
            return HttpParseResult.Ok;
        }

        return Determine(data, msg, idx, http11, out flags, out _);
    }

    private static HttpParseResult Determine(ReadOnlySpan<byte> data, HttpMsg msg, HdrIdx idx, bool http11, out HttpLengthFlags flags, out bool closeOnly)
    {
        flags = HttpLengthFlags.None;
        closeOnly = false;
        var ctx = default(HttpHeaderContext);
        while (http11 && HttpHeaders.FindHeader2("Transfer-Encoding"u8, data, msg.Som, idx, ref ctx))
        {
            if (HttpHeaders.ValueEquals(data, ctx, "chunked"u8))
            {
                flags |= HttpLengthFlags.Chunked | HttpLengthFlags.XferLen;
            }
            else if ((flags & HttpLengthFlags.Chunked) != 0)
            {
                closeOnly = true; // chunked followed by something else
                flags &= ~(HttpLengthFlags.Chunked | HttpLengthFlags.XferLen);
                break;
            }
        }

        ctx = default;
        while ((flags & HttpLengthFlags.Chunked) == 0 && !closeOnly
               && HttpHeaders.FindHeader2("Content-Length"u8, data, msg.Som, idx, ref ctx))
        {
            if (ctx.VLen == 0 || !Strl2llrc(data.Slice(ctx.ValueStart, ctx.VLen), out var cl) || cl < 0
                || ((flags & HttpLengthFlags.ContentLength) != 0 && msg.ChunkLength != cl))
            {
                msg.ErrPos = ctx.ValueStart;
                msg.ErrState = msg.State;
                return HttpParseResult.Error;
            }

            flags |= HttpLengthFlags.ContentLength | HttpLengthFlags.XferLen;
            msg.BodyLength = msg.ChunkLength = cl;
        }

        return HttpParseResult.Ok;
    }

    /// <summary>
    /// 1.4's <c>strl2llrc</c>: an optional leading '-' then decimal digits only ('+', spaces, hex are invalid:
    /// <c>Content-Length: 1+</c> gets a 400 from 1.4.25, verified). Overflow wraps. Empty input is invalid.
    /// </summary>
    public static bool Strl2llrc(ReadOnlySpan<byte> s, out long value)
    {
        value = 0;
        if (s.Length == 0 || s[0] == 0)
        {
            return false;
        }

        long i = 0;
        if (s[0] != '-')
        {
            foreach (var b in s)
            {
                var j = b - '0';
                i = unchecked(i * 10);
                if ((uint)j > 9)
                {
                    return false;
                }

                i = unchecked(i + j);
            }
        }
        else
        {
            for (var k = 1; k < s.Length; k++)
            {
                var j = s[k] - '0';
                i = unchecked(i * 10);
                if ((uint)j > 9)
                {
                    return false;
                }

                i = unchecked(i - j);
            }
        }

        value = i;
        return true;
    }
}
