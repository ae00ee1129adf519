using System.Globalization;
using System.Text;
using HaproxyNet.Core.Http.Parsing;

namespace HaproxyNet.Core.Tests.Http.Parsing;

/// <summary>
/// Runs the parser over a case the way the engine will (limit = bufsize - maxrewrite, body length after headers,
/// HTTP/0.9 upgrade) and describes the result as text for the case files' <c>expect</c> blocks.
/// </summary>
public sealed class HttpParseOutcome
{
    /// <summary>Default parse limit: tune.bufsize 16384 - tune.maxrewrite 8192.</summary>
    public const int Limit = 8192;

    public required HttpMsg Msg { get; init; }

    public required HdrIdx Idx { get; init; }

    /// <summary>The data after parsing (folding rewrites, 0.9 upgrade).</summary>
    public required byte[] Data { get; init; }

    public required int DataLength { get; init; }

    public HttpParseResult LengthResult { get; init; }

    public HttpLengthFlags LengthFlags { get; init; }

    /// <summary>The status 1.4 would answer itself (400/408/502), or 0 when the message is forwarded.</summary>
    public int Page { get; init; }

    /// <summary>
    /// Parses the case fed in pieces of <paramref name="piece"/> bytes (0 = all at once; negative = two pieces split
    /// at -piece).
    /// </summary>
    public static HttpParseOutcome Run(HttpParserCase c, int piece = 0) => Run(c.Data, c.IsRequest, c.Has("accept-invalid"), c.Has("head"), piece);

    public static HttpParseOutcome Run(byte[] input, bool request, bool acceptInvalid, bool head, int piece = 0)
    {
        var buffer = new byte[16384];
        var total = Math.Min(input.Length, buffer.Length);
        input.AsSpan(0, total).CopyTo(buffer);
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
        var state = msg.State;
        if (piece < 0)
        {
            state = HttpMsgAnalyzer.Analyze(buffer.AsSpan(0, Math.Min(-piece, limit)), msg, idx);
            state = HttpMsgAnalyzer.Analyze(buffer.AsSpan(0, limit), msg, idx);
        }
        else if (piece == 0)
        {
            state = HttpMsgAnalyzer.Analyze(buffer.AsSpan(0, limit), msg, idx);
        }
        else
        {
            for (var have = Math.Min(piece, limit); ; have = Math.Min(have + piece, limit))
            {
                state = HttpMsgAnalyzer.Analyze(buffer.AsSpan(0, have), msg, idx);
                if (state >= HttpMsgState.Error || have == limit)
                {
                    break;
                }
            }
        }

        var page = 0;
        var len = HttpParseResult.Ok;
        var flags = HttpLengthFlags.None;
        var dataLength = total;
        if (state == HttpMsgState.Error)
        {
            page = request ? 400 : 502;
        }
        else if (state < HttpMsgState.Error)
        {
            // incomplete: full buffer = invalid; else a request times out (408) and a response's server closed (502)
            page = request ? (limit >= Limit ? 400 : 408) : 502;
        }
        else
        {
            var data = buffer.AsSpan(0, dataLength);
            if (request)
            {
                if (!HttpUpgrade09.Upgrade(buffer, ref dataLength, msg, idx))
                {
                    page = 400;
                }

                data = buffer.AsSpan(0, dataLength);
                len = HttpBodyLength.Request(data, msg, idx, HttpVersion.RequestIsHttp11(data, msg), out flags);
            }
            else
            {
                len = HttpBodyLength.Response(data, msg, idx, HttpVersion.ResponseIsHttp11(data, msg),
                    head ? HttpMeth.Head : HttpMeth.Get, HttpVersion.ParseStatus(data, msg), out flags);
            }

            if (len == HttpParseResult.Error)
            {
                page = request ? 400 : 502;
            }
        }

        return new HttpParseOutcome
        {
            Msg = msg,
            Idx = idx,
            Data = buffer,
            DataLength = dataLength,
            LengthResult = len,
            LengthFlags = flags,
            Page = page,
        };
    }

    /// <summary>
    /// The bytes the proxy forwards when it accepts the message: from the start line (leading empty lines dropped)
    /// to the end of the announced body, or, for a chunked body, as far as the chunk helpers can go with the data
    /// present; everything when the length is unknown.
    /// </summary>
    public ReadOnlySpan<byte> Forwarded => Data.AsSpan(Msg.Som, ForwardEnd() - Msg.Som);

    private int ForwardEnd()
    {
        var data = Data.AsSpan(0, DataLength);
        if ((LengthFlags & HttpLengthFlags.Chunked) != 0)
        {
            var m = new HttpMsg();
            m.ResetRequest(0, false);
            m.Next = m.Sov = Msg.Sov;
            m.State = HttpMsgState.ChunkSize;
            while (true)
            {
                switch (m.State)
                {
                    case HttpMsgState.ChunkSize:
                        if (HttpChunk.ParseChunkSize(data, m) != HttpParseResult.Ok)
                        {
                            return m.Next;
                        }

                        break;
                    case HttpMsgState.Data:
                        var n = (int)Math.Min(m.ChunkLength, data.Length - m.Next);
                        m.Next += n;
                        m.ChunkLength -= n;
                        if (m.ChunkLength > 0)
                        {
                            return m.Next;
                        }

                        m.State = HttpMsgState.DataCrlf;
                        break;
                    case HttpMsgState.DataCrlf:
                        if (HttpChunk.SkipChunkCrlf(data, m) != HttpParseResult.Ok)
                        {
                            return m.Next;
                        }

                        break;
                    case HttpMsgState.Trailers:
                        HttpChunk.ForwardTrailers(data, m);
                        return m.Next;
                    default:
                        return m.Next;
                }
            }
        }

        if ((LengthFlags & HttpLengthFlags.ContentLength) != 0)
        {
            return (int)Math.Min(DataLength, Msg.Sov + Msg.BodyLength);
        }

        return (LengthFlags & HttpLengthFlags.XferLen) != 0 ? Msg.Sov : DataLength;
    }

    /// <summary>
    /// The <c>show errors</c> fields 1.4 prints for this message (state:position:length), or "-" when it keeps no
    /// snapshot: a request that timed out (408).
    /// </summary>
    public string Snapshot(bool request)
    {
        var captured = Msg.State == HttpMsgState.Error || Msg.ErrPos >= 0 || LengthResult == HttpParseResult.Error
            || (Msg.State < HttpMsgState.Error && (!request || Page == 400));
        if (!captured)
        {
            return "-";
        }

        var s = HttpErrorSnapshot.Capture(Msg, Math.Min(DataLength, Limit));
        return string.Create(CultureInfo.InvariantCulture, $"{(int)s.State}:{s.Position}:{s.Length}");
    }

    public string Describe()
    {
        var m = Msg;
        var sb = new StringBuilder();
        var data = Data.AsSpan(0, DataLength);
        sb.Append(CultureInfo.InvariantCulture, $"state={m.State} next={m.Next}");
        if (m.State == HttpMsgState.Error)
        {
            sb.Append(CultureInfo.InvariantCulture, $" errstate={m.ErrState} errpos={m.ErrPos}");
            return sb.ToString();
        }

        if (m.State < HttpMsgState.Error)
        {
            return sb.ToString();
        }

        sb.Append(CultureInfo.InvariantCulture, $" som={m.Som} eoh={m.Eoh} sov={m.Sov} errpos={m.ErrPos}");
        if (m.ErrPos >= 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $" errstate={m.ErrState}");
        }

        sb.Append('\n');
        if (m.IsRequest)
        {
            sb.Append(CultureInfo.InvariantCulture, $"rq \"{HttpParserCaseFile.Escape(data.Slice(m.Som, m.Rq.MethodLength))}\" ");
            sb.Append(CultureInfo.InvariantCulture, $"\"{HttpParserCaseFile.Escape(data.Slice(m.Rq.Uri, m.Rq.UriLength))}\" ");
            sb.Append(CultureInfo.InvariantCulture, $"\"{HttpParserCaseFile.Escape(data.Slice(m.Rq.Version, m.Rq.VersionLength))}\" l={m.Rq.Length}");
            sb.Append(CultureInfo.InvariantCulture, $" {HttpMethods.Find(data, m)}{(HttpVersion.RequestIsHttp11(data, m) ? " 1.1" : "")}");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"st \"{HttpParserCaseFile.Escape(data.Slice(m.Som, m.St.VersionLength))}\" ");
            sb.Append(CultureInfo.InvariantCulture, $"\"{HttpParserCaseFile.Escape(data.Slice(m.St.Code, m.St.CodeLength))}\" ");
            sb.Append(CultureInfo.InvariantCulture, $"\"{HttpParserCaseFile.Escape(data.Slice(m.St.Reason, m.St.ReasonLength))}\" l={m.St.Length}");
            sb.Append(CultureInfo.InvariantCulture, $" {HttpVersion.ParseStatus(data, m)}{(HttpVersion.ResponseIsHttp11(data, m) ? " 1.1" : "")}");
        }

        sb.Append(LengthResult == HttpParseResult.Error
            ? string.Create(CultureInfo.InvariantCulture, $" len=error@{m.ErrPos}")
            : string.Create(CultureInfo.InvariantCulture, $" len={LengthFlags.ToString().Replace(", ", "|", StringComparison.Ordinal)}:{m.BodyLength}"));

        var count = 0;
        var pos = m.Som + Idx.FirstPos;
        for (var i = Idx.FirstIdx; i != 0; i = Idx[i].Next)
        {
            count++;
            if (count <= 8)
            {
                var line = data.Slice(pos, Idx[i].Length);
                var text = line.Length > 64
                    ? HttpParserCaseFile.Escape(line[..32]) + string.Create(CultureInfo.InvariantCulture, $"...({line.Length} bytes)")
                    : HttpParserCaseFile.Escape(line);
                sb.Append(CultureInfo.InvariantCulture, $"\nh \"{text}\"{(Idx[i].Cr ? "" : " lf")}");
            }

            pos += Idx[i].LineSize;
        }

        if (count > 8)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n... {count} headers");
        }

        return sb.ToString();
    }
}
