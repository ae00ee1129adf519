using System.Buffers;
using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Http.Parsing;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Http.Rules;

/// <summary>The answer of a <c>redirect</c> rule (HTTP-MODE §9, the redirect part of 1.4's <c>http_process_req_common</c>).</summary>
public static class HttpRedirect
{
    private static ReadOnlySpan<byte> Head301 => "HTTP/1.1 301 Moved Permanently\r\nContent-length: 0\r\nLocation: "u8;

    private static ReadOnlySpan<byte> Head302 => "HTTP/1.1 302 Found\r\nCache-Control: no-cache\r\nContent-length: 0\r\nLocation: "u8;

    private static ReadOnlySpan<byte> Head303 => "HTTP/1.1 303 See Other\r\nCache-Control: no-cache\r\nContent-length: 0\r\nLocation: "u8;

    /// <summary>Builds and sends the redirect of <paramref name="rule"/>; a message that does not fit is a 400.</summary>
    public static RuleVerdict Send(Session s, HttpTxn txn, Channel req, HttpRedirectRuleRt rule)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(txn);
        ArgumentNullException.ThrowIfNull(req);
        ArgumentNullException.ThrowIfNull(rule);
        var size = s.Loop.Global.BufSize;
        var buf = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var n = Build(req.GetDataSpan(), txn, rule, buf.AsSpan(0, size));
            if (n < 0)
            {
                return HttpWaitForRequest.BadRequest(s, req, txn) ? RuleVerdict.Done : RuleVerdict.Stop;
            }

            txn.Status = rule.Code;
            s.Logs.TvRequestUs = s.Loop.Clock.NowUs;
            var msg = txn.Req;
            var keepAlive = rule.Target.Length >= 1 && rule.Target[0] == (byte)'/'
                && txn.Has(HttpTxnFlags.ReqXferLen) && !txn.Has(HttpTxnFlags.ReqTeChunked) && txn.ReqBodyLength == 0
                && txn.Mode is HttpConnMode.ServerClose or HttpConnMode.KeepAlive;
            var pxConn = txn.Has(HttpTxnFlags.UseProxyConn);
            var end = buf.AsSpan(n);
            if (keepAlive)
            {
                var tail = txn.Has(HttpTxnFlags.ReqVer11) ? "\r\n\r\n"u8
                    : pxConn ? "\r\nProxy-Connection: keep-alive\r\n\r\n"u8 : "\r\nConnection: keep-alive\r\n\r\n"u8;
                tail.CopyTo(end);
                n += tail.Length;
                return KeepAlive(s, txn, req, msg, buf.AsSpan(0, n));
            }

            var close = pxConn ? "\r\nProxy-Connection: close\r\n\r\n"u8 : "\r\nConnection: close\r\n\r\n"u8;
            close.CopyTo(end);
            n += close.Length;
            HttpReplies.RetnClose(s.Si0, buf.AsSpan(0, n));
            return HttpReqRules.PrxCond(s, req);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buf);
        }
    }

    /// <summary>The message up to the Location value and the optional Set-Cookie (without the final line end); -1 when too long.</summary>
    internal static int Build(ReadOnlySpan<byte> data, HttpTxn txn, HttpRedirectRuleRt rule, Span<byte> outBuf)
    {
        var head = rule.Code switch
        {
            301 => Head301,
            303 => Head303,
            _ => Head302,
        };
        var n = 0;
        head.CopyTo(outBuf);
        n += head.Length;
        var size = outBuf.Length;
        var target = rule.Target;
        if (rule.Prefix)
        {
            var msg = txn.Req;
            var uri = data.Slice(msg.Rq.Uri, msg.Rq.UriLength);
            var off = HttpRules.PathOffset(uri);
            ReadOnlySpan<byte> path = off < 0 ? "/"u8 : uri[off..];
            if (off >= 0 && rule.DropQuery)
            {
                var q = path.IndexOf((byte)'?');
                if (q >= 0)
                {
                    path = path[..q];
                }
            }

            if (n + target.Length + path.Length > size - 4)
            {
                return -1;
            }

            // A prefix of exactly "/" adds nothing: a self-redirection.
            if (target.Length != 1 || target[0] != (byte)'/')
            {
                target.CopyTo(outBuf[n..]);
                n += target.Length;
            }

            path.CopyTo(outBuf[n..]);
            n += path.Length;
            if (n > 0 && outBuf[n - 1] != (byte)'/' && rule.AppendSlash)
            {
                if (n > size - 5)
                {
                    return -1;
                }

                outBuf[n++] = (byte)'/';
            }
        }
        else
        {
            if (n + target.Length > size - 4)
            {
                return -1;
            }

            target.CopyTo(outBuf[n..]);
            n += target.Length;
        }

        if (rule.Cookie is { } cookie)
        {
            // 1.4 ends the cookie piece with its own CRLF: the message gets an empty line after it.
            if (n + 16 + cookie.Length + 30 > size)
            {
                return -1;
            }

            "\r\nSet-Cookie: "u8.CopyTo(outBuf[n..]);
            n += 14;
            cookie.CopyTo(outBuf[n..]);
            n += cookie.Length;
            "\r\n"u8.CopyTo(outBuf[n..]);
            n += 2;
        }

        return n + 30 > size ? -1 : n;
    }

    /// <summary>
    /// Keep-alive is possible: the redirect goes into the response buffer, the request is eaten, and the
    /// transaction ends as if the server had answered (request CLOSED, response DONE).
    /// </summary>
    private static RuleVerdict KeepAlive(Session s, HttpTxn txn, Channel req, HttpMsg msg, ReadOnlySpan<byte> reply)
    {
        s.Rep.Write(reply);

        // buffer_ignore: the request headers are eaten (still counted as received).
        req.Replace(msg.Som, msg.Sov - msg.Som, default);
        msg.Rebase(msg.Som - msg.Sov);
        msg.State = HttpMsgState.Closed;
        txn.Rsp.State = HttpMsgState.Done;
        s.SetErrIfNone(SessionError.PrxCond);
        s.SetFinIfNone(SessionFinState.R);
        req.Analysers = 0;
        s.Rep.Analysers = 0;

        // Both messages are over: the transaction ends as a server-close one does (logged, next request awaited).
        HttpResync.ResyncStates(s);
        return RuleVerdict.Done;
    }
}
