using System.Globalization;
using System.Text;
using HaproxyNet.Core.Http.Parsing;

namespace HaproxyNet.Fuzz.Targets;

/// <summary>
/// The resumable HTTP parser under fuzzing: one input = a message, parsed once whole and once fed in pieces cut at
/// points drawn from the input, then (headers complete) its body length, HTTP/0.9 upgrade and chunked body walk.
/// Fails (throws <see cref="FuzzFindingException"/>) when the two runs disagree in any state, offset, header index or
/// byte, or when an offset leaves the buffer; any other exception is a finding too (a read past the data throws).
/// </summary>
/// <remarks>
/// Input layout: byte 0 = flags (bit 0 accept-invalid, bit 1 the request was HEAD for a response), byte 1 = seed of
/// the cut points, then the message. Shorter inputs are ignored.
/// </remarks>
public static class HttpParserTarget
{
    /// <summary>1.4's parse limit with the defaults (tune.bufsize 16384 - tune.maxrewrite 8192).</summary>
    public const int Limit = 8192;

    private const int BufferSize = 16384;

    public static void Run(ReadOnlySpan<byte> input, bool request)
    {
        if (input.Length < 2)
        {
            return;
        }

        var acceptInvalid = (input[0] & 1) != 0;
        var head = (input[0] & 2) != 0;
        var seed = input[1];
        var message = input[2..];

        var whole = Parse(message, request, acceptInvalid, head, cutSeed: -1);
        var split = Parse(message, request, acceptInvalid, head, cutSeed: seed);
        if (whole.Text != split.Text)
        {
            throw new FuzzFindingException("whole and split parses differ:\nwhole: " + whole.Text + "\nsplit: " + split.Text);
        }
    }

    private static Outcome Parse(ReadOnlySpan<byte> message, bool request, bool acceptInvalid, bool head, int cutSeed)
    {
        var buffer = new byte[BufferSize];
        var total = Math.Min(message.Length, BufferSize);
        message[..total].CopyTo(buffer);
        var msg = new HttpMsg();
        var idx = new HdrIdx();
        if (request)
        {
            msg.ResetRequest(0, acceptInvalid);
        }
        else
        {
            msg.ResetResponse(0, acceptInvalid);
        }

        var limit = Math.Min(total, Limit);
        HttpMsgState state;
        if (cutSeed < 0)
        {
            state = HttpMsgAnalyzer.Analyze(buffer.AsSpan(0, limit), msg, idx);
        }
        else
        {
            var rng = new Random(cutSeed);
            var have = 0;
            do
            {
                // Mostly small steps (every byte boundary gets its turn across inputs), sometimes big jumps.
                have = Math.Min(limit, have + (rng.Next(4) == 0 ? rng.Next(1, 64) : rng.Next(0, 4)));
                state = HttpMsgAnalyzer.Analyze(buffer.AsSpan(0, have), msg, idx);
                Check(msg.Next >= 0 && msg.Next <= have, "next outside the data", msg, have);
            }
            while (state < HttpMsgState.Error && have < limit);
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"state={msg.State} next={msg.Next} errpos={msg.ErrPos} errstate={msg.ErrState}");
        Check(msg.Next >= 0 && msg.Next <= limit, "next outside the data", msg, limit);
        if (state < HttpMsgState.Body)
        {
            return new Outcome(text.ToString());
        }

        Check(msg.Som >= 0 && msg.Som <= msg.Eoh && msg.Eoh < msg.Sov && msg.Sov <= limit, "offsets out of order", msg, limit);
        text.Append(CultureInfo.InvariantCulture, $" som={msg.Som} eoh={msg.Eoh} sov={msg.Sov}");
        var dataLength = total;
        var upgraded = true;
        if (request)
        {
            // An HTTP/0.9 line is its own header block until upgraded (Eoh = its line end): upgrade first.
            var growth = HttpUpgrade09.Growth(msg);
            Check(growth >= 0, "negative 0.9 growth", msg, limit);
            upgraded = HttpUpgrade09.Upgrade(buffer, ref dataLength, msg, idx);
            Check(dataLength >= total && dataLength <= buffer.Length, "0.9 upgrade length", msg, limit);
            text.Append(CultureInfo.InvariantCulture, $" up={upgraded}:{dataLength}");
        }

        var pos = msg.Som + idx.FirstPos;
        var headers = 0;
        for (var i = idx.FirstIdx; i != 0; i = idx[i].Next)
        {
            Check(++headers < idx.Size, "header index loops", msg, limit);
            text.Append(CultureInfo.InvariantCulture, $" h{idx[i].Length}{(idx[i].Cr ? "" : "lf")}");
            pos += idx[i].LineSize;
        }

        Check(!upgraded || pos == msg.Eoh, "header index does not add up to eoh", msg, limit);

        HttpParseResult length;
        HttpLengthFlags flags;
        if (request)
        {
            var data = buffer.AsSpan(0, dataLength);
            length = HttpBodyLength.Request(data, msg, idx, HttpVersion.RequestIsHttp11(data, msg), out flags);
            text.Append(CultureInfo.InvariantCulture, $" meth={HttpMethods.Find(data, msg)}");
        }
        else
        {
            var data = buffer.AsSpan(0, dataLength);
            var status = HttpVersion.ParseStatus(data, msg);
            length = HttpBodyLength.Response(data, msg, idx, HttpVersion.ResponseIsHttp11(data, msg), head ? HttpMeth.Head : HttpMeth.Get, status, out flags);
            text.Append(CultureInfo.InvariantCulture, $" status={status}");
        }

        text.Append(CultureInfo.InvariantCulture, $" len={length}:{flags}:{msg.BodyLength}");
        Check(msg.BodyLength >= 0, "negative body length", msg, limit);
        if (length == HttpParseResult.Ok && (flags & HttpLengthFlags.Chunked) != 0)
        {
            text.Append(" chunks=").Append(WalkChunks(buffer.AsSpan(0, dataLength), msg.Sov, cutSeed));
        }

        text.Append(" bytes=").Append(Convert.ToHexString(buffer, 0, dataLength));
        return new Outcome(text.ToString());
    }

    /// <summary>The engine's chunked-body loop (size, data, CRLF, ..., trailers) over what is present, whole or in pieces.</summary>
    private static string WalkChunks(ReadOnlySpan<byte> data, int sov, int cutSeed)
    {
        var m = new HttpMsg();
        m.ResetRequest(0, false);
        m.Next = m.Sov = sov;
        m.State = HttpMsgState.ChunkSize;
        var rng = cutSeed < 0 ? null : new Random(cutSeed + 1);
        var have = rng is null ? data.Length : Math.Min(data.Length, sov + rng.Next(0, 4));
        var text = new StringBuilder();
        for (var turns = 0; turns < 100_000; turns++)
        {
            var view = data[..have];
            var result = HttpParseResult.Ok;
            switch (m.State)
            {
                case HttpMsgState.ChunkSize:
                    result = HttpChunk.ParseChunkSize(view, m);
                    if (result == HttpParseResult.Ok)
                    {
                        if (m.ChunkLength < 0)
                        {
                            throw new FuzzFindingException("negative chunk length " + m.ChunkLength.ToString(CultureInfo.InvariantCulture));
                        }

                        text.Append(CultureInfo.InvariantCulture, $"{m.ChunkLength},");
                    }

                    break;
                case HttpMsgState.Data:
                    var n = (int)Math.Min(m.ChunkLength, have - m.Next);
                    m.Next += n;
                    m.ChunkLength -= n;
                    if (m.ChunkLength > 0)
                    {
                        result = HttpParseResult.NeedMore;
                    }
                    else
                    {
                        m.State = HttpMsgState.DataCrlf;
                    }

                    break;
                case HttpMsgState.DataCrlf:
                    result = HttpChunk.SkipChunkCrlf(view, m);
                    break;
                case HttpMsgState.Trailers:
                    result = HttpChunk.ForwardTrailers(view, m);
                    break;
                default:
                    return text.Append(CultureInfo.InvariantCulture, $"end:{m.State}@{m.Next}").ToString();
            }

            if (m.Next < sov || m.Next > have)
            {
                throw new FuzzFindingException(string.Create(CultureInfo.InvariantCulture, $"chunk walk left the data: next {m.Next}, have {have}"));
            }

            if (result == HttpParseResult.Error)
            {
                return text.Append(CultureInfo.InvariantCulture, $"error:{m.State}@{m.Next}/{m.ErrPos}").ToString();
            }

            if (result == HttpParseResult.NeedMore)
            {
                if (have == data.Length)
                {
                    return text.Append(CultureInfo.InvariantCulture, $"more:{m.State}").ToString();
                }

                have = Math.Min(data.Length, have + rng!.Next(1, 8));
            }
        }

        throw new FuzzFindingException("chunk walk does not progress");
    }

    private static void Check(bool condition, string what, HttpMsg msg, int limit)
    {
        if (!condition)
        {
            throw new FuzzFindingException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: state={msg.State} next={msg.Next} som={msg.Som} eoh={msg.Eoh} sov={msg.Sov} limit={limit}"));
        }
    }

    private sealed record Outcome(string Text);
}
