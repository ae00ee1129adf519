namespace HaproxyNet.Core.Http.Parsing;

/// <summary>
/// Chunked transfer-coding steps (1.4's <c>http_parse_chunk_size</c>, <c>http_skip_chunk_crlf</c>,
/// <c>http_forward_trailers</c>). Each works from <see cref="HttpMsg.Next"/> over the data present and either
/// completes (advancing the message) or returns <see cref="HttpParseResult.NeedMore"/> having changed nothing, so
/// it simply runs again when more data arrived. <c>data.Length</c> is the end of the data present.
/// </summary>
public static class HttpChunk
{
    /// <summary>
    /// Parses a chunk size line <c>1*HEXDIG *(SP|HT) [';' extensions] CRLF</c> (bare LF accepted) at
    /// <see cref="HttpMsg.Next"/> (1.4's <c>http_parse_chunk_size</c>). Sizes of 2 GB or more are invalid.
    /// On success: <see cref="HttpMsg.ChunkLength"/> = size, <see cref="HttpMsg.Som"/> = line start,
    /// <see cref="HttpMsg.Sov"/> = <see cref="HttpMsg.Next"/> = first data byte, state
    /// <see cref="HttpMsgState.Data"/> (size &gt; 0) or <see cref="HttpMsgState.Trailers"/> (last chunk).
    /// </summary>
    public static HttpParseResult ParseChunkSize(ReadOnlySpan<byte> data, HttpMsg msg)
    {
        var start = msg.Next;
        var p = start;
        var end = data.Length;
        uint chunk = 0;
        while (true)
        {
            if (p >= end)
            {
                return HttpParseResult.NeedMore;
            }

            var c = HexValue(data[p]);
            if (c < 0)
            {
                break;
            }

            p++;
            if ((chunk & 0xF8000000) != 0)
            {
                return Fail(msg, p); // would reach 2 GB
            }

            chunk = (chunk << 4) + (uint)c;
        }

        if (p == start)
        {
            return Fail(msg, p); // empty size
        }

        while (HttpCharClass.IsSpHt(data[p]))
        {
            if (++p >= end)
            {
                return HttpParseResult.NeedMore;
            }
        }

        while (true)
        {
            var c = data[p];
            if (HttpCharClass.IsCrlf(c))
            {
                if (c == '\r' && ++p >= end)
                {
                    return HttpParseResult.NeedMore;
                }

                if (data[p] != '\n')
                {
                    return Fail(msg, p);
                }

                p++;
                break;
            }

            if (c != ';')
            {
                return Fail(msg, p);
            }

            // extension: up to the next CR or LF
            if (++p >= end)
            {
                return HttpParseResult.NeedMore;
            }

            var i = data[p..].IndexOfAny((byte)'\r', (byte)'\n');
            if (i < 0)
            {
                return HttpParseResult.NeedMore;
            }

            p += i;
        }

        msg.Som = start;
        msg.Sov = msg.Next = p;
        msg.ChunkLength = chunk;
        msg.BodyLength += chunk;
        msg.State = chunk != 0 ? HttpMsgState.Data : HttpMsgState.Trailers;
        return HttpParseResult.Ok;
    }

    /// <summary>
    /// Skips the CRLF (or bare LF) that ends chunk data (1.4's <c>http_skip_chunk_crlf</c>). On success
    /// <see cref="HttpMsg.Som"/> = the CRLF, <see cref="HttpMsg.Sov"/> = <see cref="HttpMsg.Next"/> = after it,
    /// state <see cref="HttpMsgState.ChunkSize"/>.
    /// </summary>
    public static HttpParseResult SkipChunkCrlf(ReadOnlySpan<byte> data, HttpMsg msg)
    {
        var p = msg.Next;
        var bytes = 1;
        if (p < data.Length && data[p] == '\r')
        {
            bytes++;
            p++;
        }

        if (bytes > data.Length - msg.Next)
        {
            return HttpParseResult.NeedMore;
        }

        if (data[p] != '\n')
        {
            return Fail(msg, p);
        }

        p++;
        msg.Next = msg.Sov = p;
        msg.Som = p - bytes;
        msg.State = HttpMsgState.ChunkSize;
        return HttpParseResult.Ok;
    }

    /// <summary>
    /// Walks trailer lines after the last chunk up to the empty line (1.4's <c>http_forward_trailers</c>). Each
    /// complete line is scheduled for forwarding by advancing <see cref="HttpMsg.Sov"/> and
    /// <see cref="HttpMsg.Next"/> (so a partial call does make progress, line by line); the empty line completes
    /// the message (state <see cref="HttpMsgState.Done"/>). A second CR on one line is an error.
    /// </summary>
    public static HttpParseResult ForwardTrailers(ReadOnlySpan<byte> data, HttpMsg msg)
    {
        while (true)
        {
            var lineStart = msg.Next;
            var p = lineStart;
            var p1 = -1;
            while (true)
            {
                if (p >= data.Length)
                {
                    return HttpParseResult.NeedMore;
                }

                var c = data[p];
                if (c == '\n')
                {
                    if (p1 < 0)
                    {
                        p1 = p;
                    }

                    break;
                }

                if (c == '\r')
                {
                    if (p1 >= 0)
                    {
                        return Fail(msg, p);
                    }

                    p1 = p;
                }

                p++;
            }

            var p2 = p + 1;
            msg.Sov += p2 - lineStart;
            msg.Next = p2;
            if (p1 == lineStart)
            {
                msg.State = HttpMsgState.Done;
                return HttpParseResult.Ok;
            }
        }
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    private static HttpParseResult Fail(HttpMsg msg, int p)
    {
        msg.ErrPos = p;
        msg.ErrState = msg.State;
        return HttpParseResult.Error;
    }
}
