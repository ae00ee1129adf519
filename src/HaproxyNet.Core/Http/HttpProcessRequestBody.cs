using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Http;

/// <summary>
/// AN_REQ_HTTP_BODY (1.4's <c>http_process_request_body</c>): for <c>balance url_param ... check_post</c>, a POST
/// without a server and without a query string waits for min(check_post limit, body length) body bytes (the first
/// chunk's size for chunked bodies) before a server is chosen, so the parameter can be read from the body.
/// </summary>
/// <remarks>
/// Ends when enough bytes are there, the buffer is full, or the client closed or failed; the http-request timeout
/// (armed once) answers 408 <c>cD</c> (HTTP-MODE §4.2 step 7, §11). Tq is stamped again when it ends.
/// </remarks>
public sealed class HttpProcessRequestBody : IAnalyser
{
    public static readonly HttpProcessRequestBody Instance = new();

    private HttpProcessRequestBody()
    {
    }

    /// <summary>The http_process_request test that adds this analyser.</summary>
    public static bool Wanted(Session s, ReadOnlySpan<byte> uri)
    {
        ArgumentNullException.ThrowIfNull(s);
        var txn = s.Txn!;
        return !s.Has(SessionFlags.Assigned | SessionFlags.Direct)
            && txn.Meth == Parsing.HttpMeth.Post
            && s.Be.Lb is { Settings: { Algorithm: LoadBalancing.LbAlgorithm.UrlParam, UrlParamPostLimit: > 0 } }
            && (txn.Has(HttpTxnFlags.ReqXferLen) || txn.Has(HttpTxnFlags.ReqTeChunked))
            && uri.IndexOf((byte)'?') < 0;
    }

    /// <inheritdoc/>
    public bool Analyse(Session session, Channel channel, int anBit)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(channel);
        var s = session;
        var req = channel;
        var txn = s.Txn!;
        txn.Rebase(req, isRequest: true);
        var msg = txn.Req;
        var data = req.GetReadSpan();
        long limit = s.Be.Lb!.Settings.UrlParamPostLimit;
        var body = msg.Sov;
        var enough = false;
        if (txn.Has(HttpTxnFlags.ReqTeChunked))
        {
            // Only the first chunk is looked at: its size line must be complete.
            uint chunk = 0;
            while (body < data.Length && HexValue(data[body]) is var hex and >= 0)
            {
                chunk = (chunk << 4) | (uint)hex;
                body++;
            }

            if (body + 2 < data.Length && data[body] == (byte)'\r' && data[body + 1] == (byte)'\n')
            {
                body += 2;
                if (chunk < limit)
                {
                    limit = chunk;
                }

                enough = data.Length - body >= limit;
            }
        }
        else
        {
            if (txn.ReqBodyLength < limit)
            {
                limit = txn.ReqBodyLength;
            }

            enough = data.Length - body >= limit;
        }

        if (!enough)
        {
            if ((req.Flags & ChannelFlags.ReadTimeout) != 0 || Ticks.IsExpired(req.AnalyseExp, s.Loop.Clock.NowMs))
            {
                txn.Status = 408;
                req.Analysers = 0;
                HttpReplies.RetnClose(s.Si0, HttpReplies.ErrorMessage(s, 408));
                s.Fe.FailedReq++;
                s.SetErrIfNone(SessionError.CliTo);
                s.SetFinIfNone(SessionFinState.D);
                return false;
            }

            if ((req.Flags & (ChannelFlags.ReadError | ChannelFlags.ShutR)) == 0 && req.Length < req.ReadLimit)
            {
                req.Flags &= ~ChannelFlags.AutoConnect;
                if (!Ticks.IsSet(req.AnalyseExp))
                {
                    req.AnalyseExp = Ticks.AddIfSet(s.Loop.Clock.NowMs, s.Be.Timeouts.HttpRequest);
                }

                return false;
            }
        }

        s.Logs.TvRequestUs = s.Loop.Clock.NowUs;
        req.Analysers &= ~anBit;
        req.AnalyseExp = Ticks.Eternity;
        return true;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
