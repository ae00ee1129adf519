using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Http.Persistence;

/// <summary>
/// 1.4.25's response cookie steps of <c>http_process_res_common</c> (HTTP-MODE §8.2): step 4
/// <c>manage_server_side_cookies</c> (capture, passive/delete/rewrite/prefix of the server's cookie, appsession
/// learning), step 5 <c>check_response_for_cacheability</c>, step 6 the inserted <c>Set-Cookie</c> (and
/// <c>Cache-control: private</c> for nocache).
/// </summary>
public static class ServerSideCookies
{
    /// <summary>
    /// Steps 4 to 6 for a final (≥ 200) response whose headers are parsed. Returns false when a header could not be
    /// added (the caller answers 502 as for any rewrite failure).
    /// </summary>
    public static bool Process(Session s, Channel rep)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(rep);
        var txn = s.Txn!;
        if (txn.Status < 200)
        {
            return true;
        }

        var be = s.Be;
        if (txn.Meth != Parsing.HttpMeth.Post && IsCacheableStatus(txn.Status) && CacheabilityWanted(be))
        {
            txn.Cacheable = true;
            txn.CacheCookie = true;
        }

        if (be.CookieName is not null || be.AppSession is not null || s.Fe.CaptureCookieName is not null || be.CheckCache)
        {
            Manage(s, rep);
        }

        if (CacheabilityWanted(be))
        {
            HttpCacheability.CheckResponse(txn, rep.GetReadSpan());
        }

        return Insert(s, rep);
    }

    /// <summary>The statuses a cache may store (RFC 2616 §13.4): 200, 203, 206, 300, 301, 410.</summary>
    public static bool IsCacheableStatus(int status) => status is 200 or 203 or 206 or 300 or 301 or 410;

    /// <summary>Whether the backend asks for cacheability (nocache cookie or option checkcache).</summary>
    public static bool CacheabilityWanted(Proxy be)
    {
        ArgumentNullException.ThrowIfNull(be);
        return (be.CookieOpts & CookieOptions.NoCache) != 0 || be.CheckCache;
    }

    /// <summary>manage_server_side_cookies.</summary>
    private static void Manage(Session s, Channel rep)
    {
        var txn = s.Txn!;
        var msg = txn.Rsp;
        var idx = txn.RspIdx;
        var be = s.Be;
        var fe = s.Fe;
        var oldIdx = 0;
        var hdrNext = HttpHeaderOps.FirstLine(msg, idx);
        int curIdx;
        while ((curIdx = idx[oldIdx].Next) != 0)
        {
            var hdrBeg = hdrNext;
            var hdrEnd = hdrBeg + idx[curIdx].Length;
            hdrNext = hdrEnd + (idx[curIdx].Cr ? 2 : 1);
            var data = rep.GetDataSpan();
            int prev;
            bool isCookie2;
            if (CookieText.IsHeader(data, hdrBeg, hdrEnd, "Set-Cookie"u8))
            {
                isCookie2 = false;
                prev = hdrBeg + 10;
            }
            else if (CookieText.IsHeader(data, hdrBeg, hdrEnd, "Set-Cookie2"u8))
            {
                isCookie2 = true;
                prev = hdrBeg + 11;
            }
            else
            {
                oldIdx = curIdx;
                continue;
            }

            txn.SetCookiePresent = true;
            if (be.CookieName is null && be.AppSession is null && fe.CaptureCookieName is null)
            {
                return;
            }

            int next;
            for (; prev < hdrEnd; prev = next)
            {
                data = rep.GetDataSpan();
                var attBeg = prev + 1;
                while (attBeg < hdrEnd && CookieText.IsSpHt(data[attBeg]))
                {
                    attBeg++;
                }

                var equal = attBeg;
                var attEnd = attBeg;
                while (equal < hdrEnd)
                {
                    var c = data[equal];
                    if (c is (byte)'=' or (byte)';' || (isCookie2 && c == (byte)','))
                    {
                        break;
                    }

                    equal++;
                    if (!CookieText.IsSpHt(c))
                    {
                        attEnd = equal;
                    }
                }

                int valBeg, valEnd;
                if (equal < hdrEnd && data[equal] == (byte)'=')
                {
                    valBeg = equal + 1;
                    while (valBeg < hdrEnd && CookieText.IsSpHt(data[valBeg]))
                    {
                        valBeg++;
                    }

                    next = CookieText.FindCookieValueEnd(data, valBeg, hdrEnd);
                    valEnd = next;
                    while (valEnd > valBeg && CookieText.IsSpHt(data[valEnd - 1]))
                    {
                        valEnd--;
                    }
                }
                else
                {
                    valBeg = valEnd = next = equal;
                }

                if (next < hdrEnd)
                {
                    // Set-Cookie: attributes may hold commas (Expires), the line is one cookie.
                    next = isCookie2 ? CookieText.FindHdrValueEnd(data, next, hdrEnd) : hdrEnd;
                }

                if (equal == valEnd)
                {
                    continue;
                }

                int delta;
                if (attEnd != equal || valBeg > equal + 1)
                {
                    var stripped = 0;
                    if (attEnd != equal)
                    {
                        stripped = CookieText.Delete(rep, attEnd, equal - attEnd);
                        equal += stripped;
                        valBeg += stripped;
                    }

                    if (valBeg > equal + 1)
                    {
                        var after = CookieText.Delete(rep, equal + 1, valBeg - equal - 1);
                        valBeg += after;
                        stripped += after;
                    }

                    valEnd += stripped;
                    next += stripped;
                    hdrEnd += stripped;
                    hdrNext += stripped;
                    idx[curIdx].Length += stripped;
                    msg.MoveEnd(stripped);
                    attEnd = equal;
                    data = rep.GetDataSpan();
                }

                if (fe.CaptureCookieName is { } cap && txn.SrvCookieLength < 0 && valEnd - attBeg >= cap.Length
                    && data.Slice(attBeg, cap.Length).SequenceEqual(cap))
                {
                    var n = Math.Min(valEnd - attBeg, fe.CaptureCookieLength);
                    data.Slice(attBeg, n).CopyTo(txn.SrvCookie);
                    txn.SrvCookieLength = n;
                }

                var srv = s.Srv;
                if (!s.Has(SessionFlags.IgnorePrst) && be.CookieName is { } ck && attEnd - attBeg == ck.Length
                    && data.Slice(attBeg, ck.Length).SequenceEqual(ck))
                {
                    txn.SetCookieState = ResponseCookieState.Found;
                    var opts = be.CookieOpts;
                    if ((opts & CookieOptions.Preserve) != 0)
                    {
                        // preserve: the server's own cookie is left alone.
                    }
                    else if ((srv is not null && (opts & CookieOptions.Insert) != 0)
                        || (s.Has(SessionFlags.Direct) && (opts & CookieOptions.Indirect) != 0))
                    {
                        if (data[prev] == (byte)':' && next == hdrEnd)
                        {
                            // The only cookie of the line: the whole header goes.
                            delta = CookieText.Delete(rep, hdrBeg, hdrNext - hdrBeg);
                            idx.Remove(oldIdx, curIdx);
                            curIdx = oldIdx;
                            hdrNext += delta;
                            msg.MoveEnd(delta);
                            next = hdrEnd = prev; // ends the loop over this line
                        }
                        else
                        {
                            delta = CookieText.DelHdrValue(rep, ref prev, next);
                            next = prev;
                            hdrEnd += delta;
                            hdrNext += delta;
                            idx[curIdx].Length += delta;
                            msg.MoveEnd(delta);
                        }

                        txn.SetCookieState = ResponseCookieState.Deleted;
                    }
                    else if (srv?.CookieValue is { } sv && (opts & CookieOptions.Rewrite) != 0)
                    {
                        delta = rep.Replace(valBeg, valEnd - valBeg, sv) ?? 0;
                        next += delta;
                        hdrEnd += delta;
                        hdrNext += delta;
                        idx[curIdx].Length += delta;
                        msg.MoveEnd(delta);
                        txn.SetCookieState = ResponseCookieState.Replaced;
                    }
                    else if (srv?.CookieValue is { } pv && (opts & CookieOptions.Prefix) != 0)
                    {
                        // "<srvcookie>~" before the value: the cookie, then the delimiter.
                        delta = rep.Replace(valBeg, 0, pv) ?? 0;
                        delta += rep.Replace(valBeg + delta, 0, "~"u8) ?? 0;
                        next += delta;
                        hdrEnd += delta;
                        hdrNext += delta;
                        idx[curIdx].Length += delta;
                        msg.MoveEnd(delta);
                        txn.SetCookieState = ResponseCookieState.Replaced;
                    }
                }
                else if (!s.Has(SessionFlags.IgnorePrst) && be.AppSession is { } app)
                {
                    AppSessions.CheckResponseCookie(txn, app, data, attBeg, attEnd, valBeg, valEnd);
                }
            }

            oldIdx = curIdx;
        }

        if (txn.SessIdLength >= 0 && be.AppSession is { } table && s.Srv is { } owner)
        {
            table.Learn(txn.SessId.AsSpan(0, txn.SessIdLength), owner, s.Loop.Clock.NowMs);
        }
    }

    /// <summary>Step 6: the Set-Cookie of insert mode, and Cache-control: private for nocache.</summary>
    private static bool Insert(Session s, Channel rep)
    {
        var txn = s.Txn!;
        var be = s.Be;
        var srv = s.Srv;
        var opts = be.CookieOpts;
        if (srv is null || be.CookieName is not { } name || (opts & CookieOptions.Insert) == 0
            || (txn.SetCookieState == ResponseCookieState.Found && (opts & CookieOptions.Preserve) != 0)
            || s.Has(SessionFlags.IgnorePrst)
            || ((opts & CookieOptions.PostOnly) != 0 && txn.Meth != Parsing.HttpMeth.Post))
        {
            return true;
        }

        var now = s.Loop.Clock.DateUs / 1_000_000;
        var refresh = !s.Has(SessionFlags.Direct)
            || ((be.CookieMaxIdle != 0 || txn.CookieLastDate != 0) && (txn.CookieLastDate == 0 || txn.CookieLastDate - now < 0))
            || (be.CookieMaxLife != 0 && txn.CookieFirstDate == 0)
            || (be.CookieMaxLife == 0 && txn.CookieFirstDate != 0);
        if (!refresh)
        {
            return true;
        }

        var domain = be.CookieDomain;
        Span<byte> line = stackalloc byte[128 + name.Length + (srv.CookieValue?.Length ?? 0) + (domain?.Length ?? 0)];
        var n = 0;
        Append(line, ref n, "Set-Cookie: "u8);
        Append(line, ref n, name);
        line[n++] = (byte)'=';
        if (srv.CookieValue is not { } value)
        {
            Append(line, ref n, "; Expires=Thu, 01-Jan-1970 00:00:01 GMT; path=/"u8);
        }
        else
        {
            Append(line, ref n, value);
            if (be.CookieMaxIdle != 0 || be.CookieMaxLife != 0)
            {
                var stamp = (int)((now + 3) >> 2);
                line[n++] = (byte)'|';
                CookieText.S30ToB64(stamp, line[n..]);
                n += 5;
                if (be.CookieMaxLife != 0)
                {
                    line[n++] = (byte)'|';
                    CookieText.S30ToB64(txn.CookieFirstDate != 0 ? txn.CookieFirstDate >> 2 : stamp, line[n..]);
                    n += 5;
                }
            }

            Append(line, ref n, "; path=/"u8);
        }

        if (domain is not null)
        {
            Append(line, ref n, "; domain="u8);
            Append(line, ref n, domain);
        }

        if ((opts & CookieOptions.HttpOnly) != 0)
        {
            Append(line, ref n, "; HttpOnly"u8);
        }

        if ((opts & CookieOptions.Secure) != 0)
        {
            Append(line, ref n, "; Secure"u8);
        }

        if (!HttpHeaderOps.AddTail(rep, txn.Rsp, txn.RspIdx, line[..n]))
        {
            return false;
        }

        txn.SetCookieState = srv.CookieValue is not null && s.Has(SessionFlags.Direct)
            ? ResponseCookieState.Updated
            : ResponseCookieState.Inserted;
        if ((opts & CookieOptions.NoCache) != 0 && txn.Cacheable)
        {
            txn.Cacheable = false;
            txn.CacheCookie = false;
            if (!HttpHeaderOps.AddTail(rep, txn.Rsp, txn.RspIdx, "Cache-control: private"u8))
            {
                return false;
            }
        }

        return true;
    }

    private static void Append(Span<byte> dst, ref int n, ReadOnlySpan<byte> text)
    {
        text.CopyTo(dst[n..]);
        n += text.Length;
    }
}
