using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Http.Parsing;

namespace HaproxyNet.Core.Http;

/// <summary>
/// Forwards a chunked body chunk by chunk (1.4's chunk-size, data, CRLF and trailer steps of the body
/// forwarders): each size line, its data and CRLF, then the trailers up to the empty line are scheduled as they
/// become complete; the bytes stay as they are.
/// </summary>
public static class HttpChunks
{
    /// <summary>Longest chunk-size or trailer line accepted while incomplete.</summary>
    private const int MaxLine = 8192;

    /// <summary>Advances <paramref name="msg"/> (ChunkSize, Data, DataCrlf, Trailers → Done) over what <paramref name="b"/> holds.</summary>
    public static HttpParseResult Forward(Channel b, HttpMsg msg)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(msg);
        while (true)
        {
            if (b.ToForward > 0)
            {
                return HttpParseResult.NeedMore;
            }

            var data = b.GetDataSpan();
            var p = b.SendMax;
            var avail = data[p..];
            switch (msg.State)
            {
                case HttpMsgState.ChunkSize:
                    {
                        // 1.4.25's limit: a digit is refused once the value has any of its top five bits set,
                        // so sizes of 2^31 and more are invalid (leading zeros are fine), even before the line ends.
                        var lf = avail.IndexOf((byte)'\n');
                        var end = lf < 0 ? avail.Length : lf;
                        var i = 0;
                        uint size = 0;
                        while (i < end && HexValue(avail[i]) is var h && h >= 0)
                        {
                            if ((size & 0xF8000000u) != 0)
                            {
                                return Invalid(msg, p + i, p);
                            }

                            size = (size << 4) | (uint)h;
                            i++;
                        }

                        if (lf < 0)
                        {
                            return avail.Length > MaxLine ? Invalid(msg, p, p) : HttpParseResult.NeedMore;
                        }

                        if (i == 0)
                        {
                            return Invalid(msg, p, p);
                        }

                        while (i < lf && (avail[i] == (byte)' ' || avail[i] == (byte)'\t'))
                        {
                            i++;
                        }

                        if (i < lf && avail[i] == (byte)';')
                        {
                            while (i < lf && avail[i] != (byte)'\r')
                            {
                                i++;
                            }
                        }

                        if (i < lf && !(avail[i] == (byte)'\r' && i + 1 == lf))
                        {
                            return Invalid(msg, p + i, p);
                        }

                        b.Forward(lf + 1);
                        msg.BodyLength += size;
                        if (size == 0)
                        {
                            msg.State = HttpMsgState.Trailers;
                        }
                        else
                        {
                            msg.ChunkLength = size;
                            msg.State = HttpMsgState.Data;
                            b.Forward(size);
                        }

                        break;
                    }

                case HttpMsgState.Data:
                    // ChunkLength keeps the size just forwarded: a bad CRLF after it is reported from the chunk's start.
                    msg.State = HttpMsgState.DataCrlf;
                    break;

                case HttpMsgState.DataCrlf:
                    if (avail.IsEmpty || (avail[0] == (byte)'\r' && avail.Length < 2))
                    {
                        return HttpParseResult.NeedMore;
                    }

                    if (avail[0] == (byte)'\n')
                    {
                        b.Forward(1);
                    }
                    else if (avail[0] == (byte)'\r' && avail[1] == (byte)'\n')
                    {
                        b.Forward(2);
                    }
                    else
                    {
                        return Invalid(msg, p, p - (int)Math.Min(msg.ChunkLength, p));
                    }

                    msg.State = HttpMsgState.ChunkSize;
                    break;

                case HttpMsgState.Trailers:
                    {
                        var lf = avail.IndexOf((byte)'\n');
                        if (lf < 0)
                        {
                            return avail.Length > MaxLine ? Invalid(msg, p, p) : HttpParseResult.NeedMore;
                        }

                        var empty = lf == 0 || (lf == 1 && avail[0] == (byte)'\r');
                        b.Forward(lf + 1);
                        if (empty)
                        {
                            msg.State = HttpMsgState.Done;
                            return HttpParseResult.Ok;
                        }

                        break;
                    }

                default:
                    return HttpParseResult.Ok;
            }
        }
    }

    /// <summary>
    /// Invalid chunking: the message is dead, so <see cref="HttpMsg.Next"/> marks the bad byte and
    /// <see cref="HttpMsg.Som"/> the start of the element it belongs to (the size line, or the data before a bad
    /// CRLF), where <c>show errors</c> starts its copy as 1.4 does.
    /// </summary>
    private static HttpParseResult Invalid(HttpMsg msg, int at, int som)
    {
        msg.Next = at;
        msg.Som = som;
        return HttpParseResult.Error;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
