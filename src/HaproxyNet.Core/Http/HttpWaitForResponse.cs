using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Checks;
using HaproxyNet.Core.Http.Parsing;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.StreamInterfaces;

namespace HaproxyNet.Core.Http;

/// <summary>
/// AN_RES_WAIT_HTTP: waits for complete response headers, then reads status, version, captures and body length
/// (1.4's <c>http_wait_for_response</c>).
/// </summary>
/// <remarks>
/// Incomplete: invalid or too big → 502 <c>PH</c>; server error or close → 502 <c>SH</c>; server timeout → 504
/// <c>sH</c>; client write error → no page, <c>CH</c>. A 100-Continue is forwarded and the parser restarts.
/// </remarks>
public sealed class HttpWaitForResponse : IAnalyser
{
    public static readonly HttpWaitForResponse Instance = new();

    private HttpWaitForResponse()
    {
    }

    /// <inheritdoc/>
    public bool Analyse(Session session, Channel channel, int anBit)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(channel);
        var s = session;
        var rep = channel;
        var txn = s.Txn!;
        var msg = txn.Rsp;
        var limit = rep.Size - s.Loop.Global.MaxRewrite;
        txn.Rebase(rep, isRequest: false);

        if (msg.State < HttpMsgState.Body && rep.Length > msg.Next)
        {
            var data = rep.GetDataSpan();
            if (data.Length > limit)
            {
                data = data[..limit];
            }

            HttpMsgAnalyzer.Analyze(data, msg, txn.RspIdx, rep.SendMax == 0);
            HttpWaitForRequest.DropLeadingLines(rep, msg);
        }

        if (msg.State < HttpMsgState.Body)
        {
            var ending = msg.State == HttpMsgState.Error || rep.Length >= limit
                || (rep.Flags & (ChannelFlags.ReadError | ChannelFlags.ReadTimeout | ChannelFlags.ShutR | ChannelFlags.WriteError)) != 0;
            if (ending && (msg.State == HttpMsgState.Error || msg.ErrPos >= 0))
            {
                CaptureBadResponse(s, rep, msg);
            }

            if (msg.State == HttpMsgState.Error || rep.Length >= limit)
            {
                return Fail(s, rep, txn, 502, SessionError.PrxCond, AnalyzeStatus.HttpHeaderResponse);
            }

            if ((rep.Flags & ChannelFlags.ReadError) != 0)
            {
                return Fail(s, rep, txn, 502, SessionError.SrvCl, AnalyzeStatus.HttpReadError);
            }

            if ((rep.Flags & ChannelFlags.ReadTimeout) != 0)
            {
                return Fail(s, rep, txn, 504, SessionError.SrvTo, AnalyzeStatus.HttpReadTimeout);
            }

            if ((rep.Flags & ChannelFlags.ShutR) != 0 && (s.Req.Flags & (ChannelFlags.ShutR | ChannelFlags.ShutW)) == (ChannelFlags.ShutR | ChannelFlags.ShutW))
            {
                return ClientAbort(s, rep, txn);
            }

            if ((rep.Flags & ChannelFlags.ShutR) != 0)
            {
                return Fail(s, rep, txn, 502, SessionError.SrvCl, AnalyzeStatus.HttpBrokenPipe);
            }

            if ((rep.Flags & ChannelFlags.WriteError) != 0)
            {
                Stats.StatsCounters.FailedResp(s);
                rep.Analysers = 0;
                s.SetErrIfNone(SessionError.CliCl);
                s.SetFinIfNone(SessionFinState.H);
                return false;
            }

            rep.Flags &= ~ChannelFlags.AutoClose;
            rep.ReadLimit = limit;
            return false;
        }

        // Complete headers; a byte accepted under accept-invalid-http-response is kept for show errors.
        if (msg.ErrPos >= 0)
        {
            CaptureBadResponse(s, rep, msg);
        }

        var data2 = rep.GetDataSpan();
        if (s.Loop.DebugOutput is { } debug)
        {
            HttpDebug.Headers(debug, s, data2, msg, txn.RspIdx, isRequest: false);
        }

        txn.Status = ParseStatus(data2.Slice(msg.St.Code, msg.St.CodeLength));
        Stats.StatsCounters.CountServerStatus(s, txn.Status);

        // observe layer7: 100-499, 501 and 505 are correct answers (501/505 follow from the request), the rest errors.
        if (s.Srv is { } observed)
        {
            HealthAdjust.Report(s.Loop, observed, HealthAdjust.ForHttpStatus(txn.Status));
        }

        if (txn.Status == 100)
        {
            // 100-Continue: forwarded as is, the final response is parsed next.
            rep.Forward(msg.Sov - rep.SendMax);
            txn.ResetResponse(rep, s.Be.HasHttp(Proxies.HttpProxyOptions.AcceptInvalidResponse));
            txn.Status = -1;
            return Analyse(s, rep, anBit);
        }

        if (HttpWaitForRequest.IsVersion11(data2.Slice(msg.Som, msg.St.VersionLength)))
        {
            txn.Flags |= HttpTxnFlags.ResVer11;
        }
        else
        {
            txn.Flags &= ~HttpTxnFlags.ResVer11;
        }

        // The response's own Connection header is parsed by http_process_res_common, whatever the request's said:
        // 1.4.25 drops "close" from a 1.0 response to a 1.0 request in close mode (differential test).
        txn.Flags &= ~(HttpTxnFlags.HdrConnParsed | HttpTxnFlags.HdrConnClose | HttpTxnFlags.HdrConnKeepAlive);

        if (s.Fe.ResponseCaptures.Count > 0)
        {
            HttpHeaderOps.Capture(data2, msg, txn.RspIdx, s.Fe.ResponseCaptures, txn.RspCap, txn.RspCapLen);
        }

        txn.Flags &= ~(HttpTxnFlags.ResXferLen | HttpTxnFlags.ResTeChunked);
        if (txn.Meth == HttpMeth.Head || (txn.Status >= 100 && txn.Status < 200) || txn.Status == 204 || txn.Status == 304)
        {
            txn.Flags |= HttpTxnFlags.ResXferLen;
            txn.RspBodyLength = 0;
        }
        else
        {
            if (!HttpWaitForRequest.BodyLength(data2, msg, txn.RspIdx, txn.Has(HttpTxnFlags.ResVer11), out var chunked, out var known, out var length, response: true))
            {
                CaptureBadResponse(s, rep, msg);
                return Fail(s, rep, txn, 502, SessionError.PrxCond, AnalyzeStatus.HttpHeaderResponse);
            }

            if (known)
            {
                txn.Flags |= HttpTxnFlags.ResXferLen;
            }

            if (chunked)
            {
                txn.Flags |= HttpTxnFlags.ResTeChunked;
            }

            txn.RspBodyLength = length;
        }

        rep.ReadLimit = rep.Size;
        rep.Analysers &= ~anBit;
        return true;
    }

    /// <summary>http_capture_bad_message into the backend's response snapshot, the other end being the frontend.</summary>
    internal static void CaptureBadResponse(Session s, Channel rep, HttpMsg msg) => s.Be.InvalidRep.Capture(s, rep, msg, msg.State, s.Fe);

    /// <summary>
    /// A response error: the page to the client, the server side dropped, the error reported to the server's
    /// observer (<paramref name="health"/>: what kind of error; a rewrite or filter failure after the headers by
    /// default, 1.4's "Invalid http response").
    /// </summary>
    internal static bool Fail(Session s, Channel rep, HttpTxn txn, int status, SessionError err, AnalyzeStatus health = AnalyzeStatus.HttpResponse)
    {
        if (s.Srv is { } observed)
        {
            HealthAdjust.Report(s.Loop, observed, health);
        }

        Stats.StatsCounters.FailedResp(s);
        txn.Rsp.State = HttpMsgState.Error;
        rep.Flags |= ChannelFlags.AutoClose;
        rep.Analysers = 0;
        s.Req.Analysers = 0;
        txn.Status = status;
        if (rep.Producer is { } prod)
        {
            prod.Flags |= SiFlags.NoLinger;
        }

        HttpReplies.RetnClose(s.Si0, HttpReplies.ErrorMessage(s, status));
        s.SetErrIfNone(err);
        s.SetFinIfNone(SessionFinState.H);
        return false;
    }

    /// <summary>
    /// The server closed before its headers after the client's close already reached it (the request side is shut
    /// both ways: abortonclose, or a request of unknown length forwarded until close): 1.4.25 blames the client,
    /// 400 <c>CH</c>, counted as a client abort and not as a failed response.
    /// </summary>
    private static bool ClientAbort(Session s, Channel rep, HttpTxn txn)
    {
        Stats.StatsCounters.CliAbort(s);
        rep.Flags |= ChannelFlags.AutoClose;
        rep.Analysers = 0;
        txn.Status = 400;
        HttpReplies.RetnClose(s.Si0, HttpReplies.ErrorMessage(s, 400));
        s.SetErrIfNone(SessionError.CliCl);
        s.SetFinIfNone(SessionFinState.H);
        return false;
    }

    private static int ParseStatus(ReadOnlySpan<byte> code)
    {
        var n = 0;
        foreach (var c in code)
        {
            if (c < (byte)'0' || c > (byte)'9')
            {
                break;
            }

            n = (n * 10) + (c - '0');
            if (n > 99999)
            {
                break;
            }
        }

        return n;
    }
}
