using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Http.Persistence;

/// <summary>
/// 1.4.25's <c>manage_client_side_cookies</c> (HTTP-MODE §8.1): every <c>name=value</c> pair of every
/// <c>Cookie:</c> header is captured (<c>capture cookie</c>), matched against the backend's persistence cookie
/// (server, dates, flags, prefix stripping, insert+indirect removal) and against the appsession cookie.
/// </summary>
public static class ClientSideCookies
{
    /// <summary>True when the request's cookies need looking at (backend cookie or appsession, frontend capture).</summary>
    public static bool Wanted(Session s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Be.CookieName is not null || s.Be.AppSession is not null || s.Fe.CaptureCookieName is not null;
    }

    /// <summary>Processes the request's Cookie headers in place.</summary>
    public static void Manage(Session s, Channel req)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(req);
        var txn = s.Txn!;
        var msg = txn.Req;
        var idx = txn.ReqIdx;
        var oldIdx = 0;
        var hdrNext = HttpHeaderOps.FirstLine(msg, idx);
        int curIdx;
        while ((curIdx = idx[oldIdx].Next) != 0)
        {
            var hdrBeg = hdrNext;
            var hdrEnd = hdrBeg + idx[curIdx].Length;
            hdrNext = hdrEnd + (idx[curIdx].Cr ? 2 : 1);
            if (!CookieText.IsHeader(req.GetDataSpan(), hdrBeg, hdrEnd, "Cookie"u8))
            {
                oldIdx = curIdx;
                continue;
            }

            var delFrom = -1;
            var preserveHdr = false;
            int next;
            for (var prev = hdrBeg + 6; prev < hdrEnd; prev = next)
            {
                var data = req.GetDataSpan();
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
                    if (c is (byte)'=' or (byte)',' or (byte)';')
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

                // $attributes belong to the cookie before them.
                if (data[attBeg] == (byte)'$')
                {
                    continue;
                }

                int delta;
                if (equal == next)
                {
                    // No '=': not ours, kept; a cookie scheduled for removal before it goes now.
                    preserveHdr = true;
                    if (delFrom >= 0)
                    {
                        delta = CookieText.DelHdrValue(req, ref delFrom, prev);
                        next += delta;
                        hdrEnd += delta;
                        hdrNext += delta;
                        idx[curIdx].Length += delta;
                        msg.MoveEnd(delta);
                        delFrom = -1;
                    }

                    continue;
                }

                // Spaces around '=' are removed from the message.
                if (attEnd != equal || valBeg > equal + 1)
                {
                    var stripped = 0;
                    if (attEnd != equal)
                    {
                        stripped = CookieText.Delete(req, attEnd, equal - attEnd);
                        equal += stripped;
                        valBeg += stripped;
                    }

                    if (valBeg > equal + 1)
                    {
                        var after = CookieText.Delete(req, equal + 1, valBeg - equal - 1);
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
                    data = req.GetDataSpan();
                }

                Capture(s, txn, data, attBeg, valEnd);
                var be = s.Be;
                if (be.CookieName is { } ck && attEnd - attBeg == ck.Length && data.Slice(attBeg, ck.Length).SequenceEqual(ck))
                {
                    var delim = FindServer(s, txn, data, valBeg, valEnd);
                    if ((be.CookieOpts & CookieOptions.Prefix) != 0 && delim != valEnd)
                    {
                        // "SRV~": removed before the application sees its cookie.
                        delta = CookieText.Delete(req, valBeg, delim + 1 - valBeg);
                        valEnd += delta;
                        next += delta;
                        hdrEnd += delta;
                        hdrNext += delta;
                        idx[curIdx].Length += delta;
                        msg.MoveEnd(delta);
                        delFrom = -1;
                        preserveHdr = true;
                    }
                    else if (delFrom < 0 && (be.CookieOpts & (CookieOptions.Insert | CookieOptions.Indirect)) == (CookieOptions.Insert | CookieOptions.Indirect))
                    {
                        delFrom = prev;
                    }
                }
                else
                {
                    preserveHdr = true;
                    if (delFrom >= 0)
                    {
                        delta = CookieText.DelHdrValue(req, ref delFrom, prev);
                        attBeg += delta;
                        attEnd += delta;
                        valBeg += delta;
                        valEnd += delta;
                        next += delta;
                        hdrEnd += delta;
                        hdrNext += delta;
                        idx[curIdx].Length += delta;
                        msg.MoveEnd(delta);
                        delFrom = -1;
                    }
                }

                if (be.AppSession is { } app && !s.Has(SessionFlags.IgnorePrst))
                {
                    AppSessions.CheckRequestCookie(s, app, req.GetDataSpan(), attBeg, attEnd, valBeg, valEnd);
                }
            }

            if (delFrom >= 0)
            {
                int delta;
                if (preserveHdr)
                {
                    delta = CookieText.DelHdrValue(req, ref delFrom, hdrEnd);
                    idx[curIdx].Length += delta;
                }
                else
                {
                    delta = CookieText.Delete(req, hdrBeg, hdrNext - hdrBeg);
                    idx.Remove(oldIdx, curIdx);
                    curIdx = oldIdx;
                }

                hdrNext += delta;
                msg.MoveEnd(delta);
            }

            oldIdx = curIdx;
        }
    }

    /// <summary>The server named by the cookie value (dates checked first); returns the delimiter offset.</summary>
    private static int FindServer(Session s, HttpTxn txn, ReadOnlySpan<byte> data, int valBeg, int valEnd)
    {
        var be = s.Be;
        int delim;
        if ((be.CookieOpts & CookieOptions.Prefix) != 0)
        {
            delim = valBeg;
            while (delim < valEnd && data[delim] != (byte)'~')
            {
                delim++;
            }
        }
        else
        {
            delim = valEnd;
            var bar = data[valBeg..valEnd].IndexOf((byte)'|');
            if (bar >= 0)
            {
                // SRV|<last seen>[|<first>]: 30-bit base64 dates in 4-second units.
                var v1 = valBeg + bar;
                delim = v1++;
                if (valEnd - v1 >= 5)
                {
                    var val = CookieText.B64ToS30(data[v1..]);
                    if (val > 0)
                    {
                        txn.CookieLastDate = val << 2;
                    }
                }

                var bar2 = data[v1..valEnd].IndexOf((byte)'|');
                if (bar2 >= 0 && valEnd - (v1 + bar2) > 5)
                {
                    var val = CookieText.B64ToS30(data[(v1 + bar2 + 1)..]);
                    if (val > 0)
                    {
                        txn.CookieFirstDate = val << 2;
                    }
                }
            }
        }

        var now = s.Loop.Clock.DateUs / 1_000_000;
        if (txn.CookieFirstDate != 0 && be.CookieMaxLife != 0
            && ((int)(now - txn.CookieFirstDate) > be.CookieMaxLife || (int)(txn.CookieFirstDate - now) > 86400))
        {
            txn.CookieState = RequestCookieState.Old;
            delim++;
        }
        else if (txn.CookieLastDate != 0 && be.CookieMaxIdle != 0
            && ((int)(now - txn.CookieLastDate) > be.CookieMaxIdle || (int)(txn.CookieLastDate - now) > 86400))
        {
            txn.CookieState = RequestCookieState.Expired;
            delim++;
        }

        Server? found = null;
        if (delim != valBeg && !s.Has(SessionFlags.IgnorePrst))
        {
            var id = data[valBeg..Math.Min(delim, data.Length)];
            foreach (var srv in be.Servers)
            {
                if (srv.CookieValue is { } v && v.Length == delim - valBeg && id.SequenceEqual(v))
                {
                    var running = (srv.State & ServerState.Running) != 0;
                    if (running || be.Has(ProxyOptions.Persist) || s.Has(SessionFlags.ForcePrst))
                    {
                        txn.CookieState = running ? RequestCookieState.Valid : RequestCookieState.Down;
                        s.Flags |= SessionFlags.Direct | SessionFlags.Assigned;
                        s.Srv = srv;
                        found = srv;
                        break;
                    }

                    txn.CookieState = RequestCookieState.Down;
                }
            }
        }

        // 1.4 tests the whole TX_CK mask here: any state already set (even V or I) is kept.
        if (found is null && txn.CookieState == RequestCookieState.None)
        {
            txn.CookieState = RequestCookieState.Invalid;
        }

        return delim;
    }

    private static void Capture(Session s, HttpTxn txn, ReadOnlySpan<byte> data, int attBeg, int valEnd)
    {
        if (s.Fe.CaptureCookieName is { } name && txn.CliCookieLength < 0 && valEnd - attBeg >= name.Length
            && data.Slice(attBeg, name.Length).SequenceEqual(name))
        {
            var n = Math.Min(valEnd - attBeg, s.Fe.CaptureCookieLength);
            data.Slice(attBeg, n).CopyTo(txn.CliCookie);
            txn.CliCookieLength = n;
        }
    }
}
