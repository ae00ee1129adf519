using HaproxyNet.Config.Acl;
using HaproxyNet.Core.Acl;
using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Http.Parsing;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Http;

/// <summary>
/// AN_REQ_WAIT_HTTP: waits for complete request headers, then checks them (1.4's <c>http_wait_for_request</c>).
/// </summary>
/// <remarks>
/// Incomplete: parse error or header block over bufsize - maxrewrite → 400 <c>PR</c>; client read error → 400
/// without page <c>CR</c>; client or http-request timeout → 408 <c>cR</c>; client close → 400 <c>CR</c>; a
/// keep-alive connection with not a byte of its next request ends silently. Complete: monitor-uri, the request
/// line kept for the log, HTTP/0.9 upgrade, version, captures, body length (Content-Length, chunked).
/// </remarks>
public sealed class HttpWaitForRequest : IAnalyser
{
    public static readonly HttpWaitForRequest Instance = new();

    private HttpWaitForRequest()
    {
    }

    /// <inheritdoc/>
    public bool Analyse(Session session, Channel channel, int anBit)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(channel);
        var s = session;
        var req = channel;
        var txn = s.Txn!;
        var msg = txn.Req;
        var loop = s.Loop;
        var limit = req.Size - loop.Global.MaxRewrite;
        txn.Rebase(req, isRequest: true);

        if (msg.State < HttpMsgState.Body && req.Length > msg.Next)
        {
            var data = req.GetDataSpan();
            if (data.Length > limit)
            {
                data = data[..limit];
            }

            HttpMsgAnalyzer.Analyze(data, msg, txn.ReqIdx, req.SendMax == 0);
            DropLeadingLines(req, msg);
        }

        // The first byte of a keep-alive connection's next request: the http-request timer replaces keep-alive's.
        if (txn.Has(HttpTxnFlags.WaitNextRq) && msg.State != HttpMsgState.RqBefore)
        {
            txn.Flags &= ~HttpTxnFlags.WaitNextRq;
            req.AnalyseExp = Ticks.Eternity;
        }

        if (msg.State < HttpMsgState.Body)
        {
            return Incomplete(s, req, txn, limit);
        }

        // Complete request headers; a byte accepted under accept-invalid-http-request is kept for show errors.
        if (msg.ErrPos >= 0)
        {
            CaptureBadRequest(s, req, msg);
        }

        if (loop.DebugOutput is { } debug)
        {
            HttpDebug.Headers(debug, s, req.GetDataSpan(), msg, txn.ReqIdx, isRequest: true);
        }

        Stats.StatsCounters.IncReq(s.Fe, loop.Clock.NowUs);
        req.AnalyseExp = Ticks.Eternity;
        txn.Flags &= ~HttpTxnFlags.WaitNextRq;
        var data2 = req.GetDataSpan();
        txn.Meth = HttpMethods.Find(data2.Slice(msg.Som, msg.Rq.MethodLength));
        if (txn.Meth is HttpMeth.Get or HttpMeth.Head)
        {
            s.Flags |= SessionFlags.Redirectable; // a server "redir" prefix may answer it
        }

        if (s.Fe.MonitorUri is { } mon && msg.Rq.UriLength == mon.Length && data2.Slice(msg.Rq.Uri, msg.Rq.UriLength).SequenceEqual(mon))
        {
            return MonitorReply(s, req, txn);
        }

        if ((s.Logs.LogWait & LogWait.Req) != 0)
        {
            var n = Math.Min(msg.Rq.Length, HttpTxn.UriCapacity - 1);
            data2.Slice(msg.Som, n).CopyTo(txn.Uri);
            txn.UriLength = n;
            s.Logs.LogWait &= ~LogWait.Req;
            if ((s.Logs.LogWait & (LogWait.Req | LogWait.Resp | LogWait.Bytes)) == LogWait.None && s.Logs.LogWait != LogWait.None)
            {
                ProcessSession.DoLog(s);
            }
        }

        if (msg.Rq.VersionLength == 0 && !Upgrade09(req, msg, txn))
        {
            return BadRequest(s, req, txn);
        }

        data2 = req.GetDataSpan();
        if (IsVersion11(data2.Slice(msg.Rq.Version, msg.Rq.VersionLength)))
        {
            txn.Flags |= HttpTxnFlags.ReqVer11;
        }

        if (s.Fe.HasHttp(HttpProxyOptions.UseProxyHeader) && msg.Rq.UriLength > 0
            && data2[msg.Rq.Uri] != (byte)'/' && data2[msg.Rq.Uri] != (byte)'*')
        {
            txn.Flags |= HttpTxnFlags.UseProxyConn;
        }

        if (s.Fe.RequestCaptures.Count > 0)
        {
            HttpHeaderOps.Capture(data2, msg, txn.ReqIdx, s.Fe.RequestCaptures, txn.ReqCap, txn.ReqCapLen);
        }

        if (!BodyLength(data2, msg, txn.ReqIdx, txn.Has(HttpTxnFlags.ReqVer11), out var chunked, out var known, out var length))
        {
            return BadRequest(s, req, txn);
        }

        if (known)
        {
            txn.Flags |= HttpTxnFlags.ReqXferLen;
        }

        if (chunked)
        {
            txn.Flags |= HttpTxnFlags.ReqTeChunked;
        }

        txn.ReqBodyLength = length;
        req.ReadLimit = req.Size;
        req.Analysers &= ~anBit;
        return true;
    }

    /// <summary>
    /// Empty lines in front of a message are removed from the buffer once its first byte is seen (1.4's
    /// <c>buffer_ignore</c> in <c>http_msg_analyzer</c>): they are neither forwarded nor kept (still counted as read).
    /// </summary>
    internal static void DropLeadingLines(Channel c, HttpMsg msg)
    {
        var n = msg.LeadingBytes;
        if (n <= 0 || msg.State == HttpMsgState.Error || c.Replace(msg.Start, n, default) is null)
        {
            return;
        }

        var start = msg.Start;
        msg.Rebase(-n);
        msg.Start = start;
    }

    /// <summary>The 400 path (return_bad_req): page, <c>PR</c>, failed_req.</summary>
    internal static bool BadRequest(Session s, Channel req, HttpTxn txn)
    {
        if (txn.Req.State == HttpMsgState.Error || txn.Req.ErrPos >= 0)
        {
            CaptureBadRequest(s, req, txn.Req);
        }

        txn.Req.State = HttpMsgState.Error;
        txn.Status = 400;
        req.Analysers = 0;
        HttpReplies.RetnClose(s.Si0, HttpReplies.ErrorMessage(s, 400));
        s.Fe.FailedReq++;
        s.SetErrIfNone(SessionError.PrxCond);
        s.SetFinIfNone(SessionFinState.R);
        return false;
    }

    /// <summary>http_capture_bad_message into the frontend's request snapshot, the other end being the backend.</summary>
    internal static void CaptureBadRequest(Session s, Channel req, HttpMsg msg) => s.Fe.InvalidReq.Capture(s, req, msg, msg.State, s.Be);

    private static bool Incomplete(Session s, Channel req, HttpTxn txn, int limit)
    {
        var msg = txn.Req;
        var keepAliveIdle = txn.Has(HttpTxnFlags.NotFirst) && req.Length == 0;
        if (msg.State == HttpMsgState.Error || req.Length >= limit)
        {
            return BadRequest(s, req, txn);
        }

        if ((req.Flags & ChannelFlags.ReadError) != 0)
        {
            if (keepAliveIdle)
            {
                return SilentClose(s, req);
            }

            if (msg.ErrPos >= 0)
            {
                CaptureBadRequest(s, req, msg);
            }

            txn.Status = 400;
            req.Analysers = 0;
            HttpReplies.RetnClose(s.Si0, default);
            s.Fe.FailedReq++;
            s.SetErrIfNone(SessionError.CliCl);
            s.SetFinIfNone(SessionFinState.R);
            return false;
        }

        if ((req.Flags & (ChannelFlags.ReadTimeout | ChannelFlags.AnaTimeout)) != 0)
        {
            if (keepAliveIdle)
            {
                return SilentClose(s, req);
            }

            if (msg.ErrPos >= 0)
            {
                CaptureBadRequest(s, req, msg);
            }

            txn.Status = 408;
            req.Analysers = 0;
            HttpReplies.RetnClose(s.Si0, HttpReplies.ErrorMessage(s, 408));
            s.Fe.FailedReq++;
            s.SetErrIfNone(SessionError.CliTo);
            s.SetFinIfNone(SessionFinState.R);
            return false;
        }

        if ((req.Flags & ChannelFlags.ShutR) != 0)
        {
            if (keepAliveIdle)
            {
                return SilentClose(s, req);
            }

            if (msg.ErrPos >= 0)
            {
                CaptureBadRequest(s, req, msg);
            }

            txn.Status = 400;
            req.Analysers = 0;
            HttpReplies.RetnClose(s.Si0, HttpReplies.ErrorMessage(s, 400));
            s.Fe.FailedReq++;
            s.SetErrIfNone(SessionError.CliCl);
            s.SetFinIfNone(SessionFinState.R);
            return false;
        }

        // Wait for more: no connection yet, the http-request (or keep-alive) timer armed once. A close read together
        // with the end of the headers is not forwarded to the server before the response (1.4 reads once per wake-up
        // while it waits for headers, so it sees such a close only later): the body analyser decides.
        req.Flags &= ~(ChannelFlags.AutoConnect | ChannelFlags.AutoClose);
        req.ReadLimit = limit;
        if (!Ticks.IsSet(req.AnalyseExp))
        {
            var now = s.Loop.Clock.NowMs;
            req.AnalyseExp = msg.State == HttpMsgState.RqBefore && txn.Has(HttpTxnFlags.WaitNextRq) && s.Be.Timeouts.HttpKeepAlive != 0
                ? Ticks.Add(now, s.Be.Timeouts.HttpKeepAlive)
                : Ticks.AddIfSet(now, s.Be.Timeouts.HttpRequest);
        }

        if (req.Length == 0 && msg.State == HttpMsgState.RqBefore)
        {
            txn.ReleaseStorage(); // nothing of the next request yet: an idle connection holds no header index
        }

        return false;
    }

    /// <summary>A keep-alive connection that ends before a single byte of its next request: no page, no log.</summary>
    private static bool SilentClose(Session s, Channel req)
    {
        s.Logs.LogWait = LogWait.None;
        req.Analysers = 0;
        req.Abort();
        req.Flags |= ChannelFlags.AutoClose;
        s.Rep.Abort();
        s.Rep.Flags |= ChannelFlags.AutoClose;
        return false;
    }

    /// <summary>monitor-uri: 200 (or 503 when a <c>monitor fail</c> condition holds), never logged.</summary>
    private static bool MonitorReply(Session s, Channel req, HttpTxn txn)
    {
        s.Flags |= SessionFlags.Monitor;
        var code = 200;
        var evaluator = new SessionAclEvaluator(s, partial: false);
        foreach (var cond in s.Fe.MonitorFail)
        {
            var ret = cond.Execute(ref evaluator);
            if ((ret == AclMatchResult.Pass) != (cond.Polarity == AclConditionPolarity.Unless))
            {
                code = 503;
                break;
            }
        }

        txn.Status = code;
        req.Analysers = 0;
        HttpReplies.RetnClose(s.Si0, HttpReplies.ErrorMessage(s, code));
        s.SetErrIfNone(SessionError.PrxCond);
        s.SetFinIfNone(SessionFinState.R);
        return false;
    }

    /// <summary>
    /// HTTP/0.9 request line (http_upgrade_v09_to_v10): " /" if it has no URI, then " HTTP/1.0" and a CRLF, so the
    /// original line end becomes the empty line closing the (empty) header block; what followed the line stays
    /// behind it, as the body.
    /// </summary>
    private static bool Upgrade09(Channel req, HttpMsg msg, HttpTxn txn)
    {
        var at = msg.Som + msg.Rq.Length;
        var addUri = msg.Rq.UriLength == 0;
        var ins = addUri ? " / HTTP/1.0\r\n"u8 : " HTTP/1.0\r\n"u8;
        if (req.Replace(at, 0, ins) is not { } delta)
        {
            return false;
        }

        if (addUri)
        {
            msg.Rq.Uri = at + 1;
            msg.Rq.UriLength = 1;
        }

        msg.Rq.Version = at + delta - 10;
        msg.Rq.VersionLength = 8;
        msg.Rq.Length += delta - 2;
        txn.ReqIdx.SetStart(msg.Rq.Length, cr: true);
        msg.MoveEnd(delta);
        return true;
    }

    /// <summary>1.1 or above: exactly "HTTP/x.y" with x &gt; 1, or x = 1 and y &gt;= 1.</summary>
    internal static bool IsVersion11(ReadOnlySpan<byte> v) =>
        v.Length == 8 && v.StartsWith("HTTP/"u8) && v[6] == (byte)'.'
        && (v[5] > (byte)'1' || (v[5] == (byte)'1' && v[7] >= (byte)'1'));

    /// <summary>
    /// Body length of a message (HTTP-MODE §1): Transfer-Encoding (1.1 only) with "chunked" last → chunked;
    /// "chunked" followed by another coding → unknown; else (no "chunked" at all, e.g. "identity": the codings are
    /// ignored, as 1.4.25 does — golden http-bodies, te-identity) every Content-Length value must be the same valid
    /// number (false otherwise); nothing → 0.
    /// </summary>
    internal static bool BodyLength(ReadOnlySpan<byte> data, HttpMsg msg, HdrIdx idx, bool ver11, out bool chunked, out bool known, out long length, bool response = false)
    {
        chunked = false;
        known = true;
        length = 0;
        var ctx = default(HdrCtx);
        if (ver11)
        {
            // Codings before "chunked", or without it (identity, gzip alone), are ignored: Content-Length decides.
            while (HttpHeaderOps.Find(data, msg, idx, "Transfer-Encoding"u8, ref ctx))
            {
                if (HttpHeaderOps.EqualsIgnoreCase(data.Slice(ctx.Val, ctx.VLen), "chunked"u8))
                {
                    chunked = true;
                }
                else if (chunked)
                {
                    chunked = false;
                    known = false;
                    return true;
                }
            }
        }

        if (chunked)
        {
            return true;
        }

        ctx = default;
        var clSeen = false;
        while (HttpHeaderOps.Find(data, msg, idx, "Content-Length"u8, ref ctx))
        {
            var v = data.Slice(ctx.Val, ctx.VLen);
            if (v.IsEmpty)
            {
                return RefuseLength(msg, ctx.Val);
            }

            long n = 0;
            foreach (var c in v)
            {
                if (c < (byte)'0' || c > (byte)'9' || n > (long.MaxValue - 9) / 10)
                {
                    return RefuseLength(msg, ctx.Val);
                }

                n = (n * 10) + (c - '0');
            }

            if (clSeen && n != length)
            {
                return RefuseLength(msg, ctx.Val);
            }

            clSeen = true;
            length = n;
        }

        known = clSeen || !response;
        return true;
    }

    /// <summary>A refused Content-Length: its value is where <c>show errors</c> points (1.4's <c>err_pos</c>).</summary>
    private static bool RefuseLength(HttpMsg msg, int valueAt)
    {
        msg.ErrPos = valueAt;
        return false;
    }
}
