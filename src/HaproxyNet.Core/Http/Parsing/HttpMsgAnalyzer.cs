using S = HaproxyNet.Core.Http.Parsing.HttpMsgState;

namespace HaproxyNet.Core.Http.Parsing;

/// <summary>
/// The resumable HTTP/1.x header parser (1.4's <c>http_msg_analyzer</c> with <c>http_parse_reqline</c> and
/// <c>http_parse_stsline</c> folded in). It parses in place, allocates nothing, and stops at the end of the data;
/// the next call resumes from <see cref="HttpMsg.Next"/> in <see cref="HttpMsg.State"/>.
/// </summary>
public static class HttpMsgAnalyzer
{
    /// <summary>
    /// Parses as much of the message as <paramref name="data"/> holds (1.4's <c>http_msg_analyzer</c>).
    /// </summary>
    /// <param name="data">
    /// The channel's data, offsets relative to its first byte. Writable: folded header lines get their CR/LF/HT
    /// overwritten with spaces. Its length is the parse limit: the caller passes at most
    /// <c>bufsize - maxrewrite</c> bytes and treats "not complete and that many bytes present" as an error.
    /// </param>
    /// <param name="msg">The message, reset with <see cref="HttpMsg.ResetRequest"/>/<see cref="HttpMsg.ResetResponse"/>.</param>
    /// <param name="idx">Header index, filled as lines complete (emptied when the start line begins).</param>
    /// <param name="canSkipLeadingLines">
    /// 1.4's <c>send_max == 0</c>: nothing of a previous message still waits in front of this one, so leading empty
    /// lines may be dropped. When false and such lines are present, the parser waits at the first token (returns
    /// in <see cref="HttpMsgState.RqBefore"/>/<see cref="HttpMsgState.RpBefore"/>) until called again with true.
    /// </param>
    /// <returns>The new state: &lt; <see cref="HttpMsgState.Error"/> = need more data, <see cref="HttpMsgState.Error"/>,
    /// or <see cref="HttpMsgState.Body"/> (headers complete).</returns>
    public static HttpMsgState Analyze(Span<byte> data, HttpMsg msg, HdrIdx idx, bool canSkipLeadingLines = true)
    {
        var state = msg.State;
        if (state >= S.Error)
        {
            return state;
        }

        var p = msg.Next;
        var end = data.Length;
        byte c = 0;

        while (p < end)
        {
            c = data[p];
            switch (state)
            {
                // ---- response start line (http_parse_stsline) ----
                case S.RpBefore:
                case S.RqBefore:
                    if (HttpCharClass.IsToken(c))
                    {
                        if (p != msg.Start && !canSkipLeadingLines)
                        {
                            goto Ood;
                        }

                        msg.Sol = msg.Som = p;
                        idx.Init();
                        state = state == S.RqBefore ? S.RqMeth : S.RpVer;
                        continue;
                    }

                    if (!HttpCharClass.IsCrlf(c))
                    {
                        goto Invalid;
                    }

                    p++;
                    if (c == '\r')
                    {
                        state = state == S.RqBefore ? S.RqBeforeCr : S.RpBeforeCr;
                    }

                    continue;

                case S.RpBeforeCr:
                case S.RqBeforeCr:
                    if (c != '\n')
                    {
                        goto Invalid;
                    }

                    p++;
                    state = state == S.RqBeforeCr ? S.RqBefore : S.RpBefore;
                    continue;

                case S.RpVer:
                    if (HttpCharClass.IsVerToken(c))
                    {
                        p++;
                        continue;
                    }

                    if (HttpCharClass.IsSpHt(c))
                    {
                        msg.St.VersionLength = p - msg.Som;
                        p++;
                        state = S.RpVerSp;
                        continue;
                    }

                    goto Invalid;

                case S.RpVerSp:
                    if (!HttpCharClass.IsLws(c))
                    {
                        msg.St.Code = p;
                        state = S.RpCode;
                        continue;
                    }

                    if (HttpCharClass.IsSpHt(c))
                    {
                        p++;
                        continue;
                    }

                    goto Invalid; // CR/LF: no status code

                case S.RpCode:
                    if (!HttpCharClass.IsLws(c))
                    {
                        p++;
                        continue;
                    }

                    msg.St.CodeLength = p - msg.St.Code;
                    if (HttpCharClass.IsSpHt(c))
                    {
                        p++;
                        state = S.RpCodeSp;
                        continue;
                    }

                    msg.St.Reason = p;
                    msg.St.ReasonLength = 0;
                    goto StatusLineEnd;

                case S.RpCodeSp:
                    if (!HttpCharClass.IsLws(c))
                    {
                        msg.St.Reason = p;
                        state = S.RpReason;
                        continue;
                    }

                    if (HttpCharClass.IsSpHt(c))
                    {
                        p++;
                        continue;
                    }

                    msg.St.Reason = p;
                    msg.St.ReasonLength = 0;
                    goto StatusLineEnd;

                case S.RpReason:
                    {
                        if (!Skip(data, data[p..].IndexOfAny((byte)'\r', (byte)'\n'), ref p, ref c))
                        {
                            continue;
                        }
                    }

                    msg.St.ReasonLength = p - msg.St.Reason;
                    goto StatusLineEnd;

                case S.RpLineEnd:
                    if (c != '\n')
                    {
                        goto Invalid;
                    }

                    p++;
                    state = S.HdrFirst;
                    continue;

                // ---- request line (http_parse_reqline) ----
                case S.RqMeth:
                    if (HttpCharClass.IsToken(c))
                    {
                        if (!Skip(data, data[p..].IndexOfAnyExcept(HttpCharClass.TokenValues), ref p, ref c))
                        {
                            continue;
                        }
                    }

                    if (HttpCharClass.IsSpHt(c))
                    {
                        msg.Rq.MethodLength = p - msg.Som;
                        p++;
                        state = S.RqMethSp;
                        continue;
                    }

                    if (HttpCharClass.IsCrlf(c))
                    {
                        // HTTP/0.9 request: method only
                        msg.Rq.MethodLength = p - msg.Som;
                        msg.Rq.Uri = p;
                        msg.Rq.UriLength = 0;
                        msg.Rq.Version = p;
                        msg.Rq.VersionLength = 0;
                        goto RequestLineEnd;
                    }

                    goto Invalid;

                case S.RqMethSp:
                    if (!HttpCharClass.IsLws(c))
                    {
                        msg.Rq.Uri = p;
                        state = S.RqUri;
                        continue;
                    }

                    if (HttpCharClass.IsSpHt(c))
                    {
                        p++;
                        continue;
                    }

                    msg.Rq.Uri = p; // HTTP/0.9 request without URI
                    msg.Rq.UriLength = 0;
                    msg.Rq.Version = p;
                    msg.Rq.VersionLength = 0;
                    goto RequestLineEnd;

                case S.RqUri:
                    {
                        if (!Skip(data, data[p..].IndexOfAnyExceptInRange((byte)33, (byte)126), ref p, ref c))
                        {
                            continue;
                        }
                    }

                    if (HttpCharClass.IsSpHt(c))
                    {
                        msg.Rq.UriLength = p - msg.Rq.Uri;
                        p++;
                        state = S.RqUriSp;
                        continue;
                    }

                    if (c >= 128)
                    {
                        p++; // 1.4.25 takes non-ASCII bytes as URI bytes, even in strict mode [verified]
                        continue;
                    }

                    if (HttpCharClass.IsCrlf(c))
                    {
                        msg.Rq.UriLength = p - msg.Rq.Uri; // HTTP/0.9 request
                        msg.Rq.Version = p;
                        msg.Rq.VersionLength = 0;
                        goto RequestLineEnd;
                    }

                    msg.ErrPos = p; // forbidden: 0..31, 127
                    goto Invalid;

                case S.RqUriSp:
                    if (!HttpCharClass.IsLws(c))
                    {
                        msg.Rq.Version = p;
                        state = S.RqVer;
                        continue;
                    }

                    if (HttpCharClass.IsSpHt(c))
                    {
                        p++;
                        continue;
                    }

                    msg.Rq.Version = p; // HTTP/0.9 request
                    msg.Rq.VersionLength = 0;
                    goto RequestLineEnd;

                case S.RqVer:
                    if (HttpCharClass.IsVerToken(c))
                    {
                        p++;
                        continue;
                    }

                    if (HttpCharClass.IsCrlf(c))
                    {
                        msg.Rq.VersionLength = p - msg.Rq.Version;
                        goto RequestLineEnd;
                    }

                    goto Invalid;

                case S.RqLineEnd:
                    if (msg.Rq.VersionLength == 0)
                    {
                        state = S.LastLf; // HTTP/0.9: the request line is the whole header block
                        continue;
                    }

                    if (c != '\n')
                    {
                        goto Invalid;
                    }

                    p++;
                    state = S.HdrFirst;
                    continue;

                // ---- headers, common ----
                case S.HdrFirst:
                    msg.Sol = p;
                    if (!HttpCharClass.IsCrlf(c))
                    {
                        state = S.HdrName;
                        continue;
                    }

                    if (c == '\r')
                    {
                        p++;
                    }

                    state = S.LastLf;
                    continue;

                case S.HdrName:
                    if (HttpCharClass.IsToken(c))
                    {
                        if (!Skip(data, data[p..].IndexOfAnyExcept(HttpCharClass.TokenValues), ref p, ref c))
                        {
                            continue;
                        }
                    }

                    if (c == ':')
                    {
                        msg.Col = p;
                        p++;
                        state = S.HdrL1Sp;
                        continue;
                    }

                    if (msg.ErrPos < HttpMsg.ErrPosAccept || c == '\n')
                    {
                        goto Invalid;
                    }

                    if (msg.ErrPos == HttpMsg.ErrPosAccept)
                    {
                        msg.ErrPos = p;
                        msg.ErrState = state;
                    }

                    p++; // accept-invalid: the non-token byte is kept
                    continue;

                case S.HdrL1Sp:
                    if (HttpCharClass.IsSpHt(c))
                    {
                        p++;
                        continue;
                    }

                    msg.Sov = p;
                    if (!HttpCharClass.IsCrlf(c))
                    {
                        state = S.HdrVal;
                        continue;
                    }

                    if (c == '\r')
                    {
                        p++;
                    }

                    state = S.HdrL1Lf;
                    continue;

                case S.HdrL1Lf:
                case S.HdrL2Lf:
                    if (c != '\n')
                    {
                        goto Invalid;
                    }

                    p++;
                    state = state == S.HdrL1Lf ? S.HdrL1Lws : S.HdrL2Lws;
                    continue;

                case S.HdrL1Lws:
                    if (HttpCharClass.IsSpHt(c))
                    {
                        data[msg.Sov..p].Fill((byte)' '); // folding: CR/LF/HT become spaces
                        msg.Sov = p;
                        state = S.HdrL1Sp;
                        continue;
                    }

                    msg.Eol = msg.Sov; // a header made only of spaces
                    goto CompleteHeader;

                case S.HdrVal:
                    {
                        if (!Skip(data, data[p..].IndexOfAny((byte)'\r', (byte)'\n'), ref p, ref c))
                        {
                            continue;
                        }
                    }

                    msg.Eol = p;
                    if (c == '\r')
                    {
                        p++;
                    }

                    state = S.HdrL2Lf;
                    continue;

                case S.HdrL2Lws:
                    if (HttpCharClass.IsSpHt(c))
                    {
                        data[msg.Eol..p].Fill((byte)' ');
                        msg.Eol = p;
                        state = S.HdrVal;
                        continue;
                    }

                    goto CompleteHeader;

                case S.LastLf:
                    if (c != '\n')
                    {
                        goto Invalid;
                    }

                    p++;
                    msg.Next = p;
                    msg.Col = msg.Sov = p;
                    msg.Eoh = msg.Sol;
                    msg.State = S.Body;
                    return S.Body;

                default:
                    goto Invalid;
            }

        StatusLineEnd:
            msg.St.Length = p - msg.Som;
            idx.SetStart(msg.St.Length, c == '\r');
            msg.Sol = p;
            if (c == '\r')
            {
                p++;
            }

            state = S.RpLineEnd;
            continue;

        RequestLineEnd:
            msg.Rq.Length = p - msg.Som;
            idx.SetStart(msg.Rq.Length, c == '\r');
            msg.Sol = p;
            if (c == '\r')
            {
                p++;
            }

            state = S.RqLineEnd;
            continue;

        CompleteHeader:
            if (idx.Used >= idx.ParseLimit || idx.Add(msg.Eol - msg.Sol, data[msg.Eol] == '\r', idx.Tail) < 0)
            {
                goto Invalid; // 205th header line
            }

            msg.Sol = p;
            if (!HttpCharClass.IsCrlf(c))
            {
                state = S.HdrName;
                continue;
            }

            if (c == '\r')
            {
                p++;
            }

            state = S.LastLf;
        }

    Ood:
        msg.State = state;
        msg.Next = p;
        return state;

    Invalid:
        msg.ErrState = state;
        msg.State = S.Error;
        msg.Next = p;
        return S.Error;
    }

    /// <summary>
    /// Moves <paramref name="p"/> by <paramref name="i"/>, the result of a vectorised scan of <c>data[p..]</c>, and
    /// loads the byte found into <paramref name="c"/>; false when the scan found nothing (<paramref name="p"/> is then
    /// the end: the state waits for more data).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool Skip(ReadOnlySpan<byte> data, int i, ref int p, ref byte c)
    {
        if (i < 0)
        {
            p = data.Length;
            return false;
        }

        p += i;
        c = data[p];
        return true;
    }
}
