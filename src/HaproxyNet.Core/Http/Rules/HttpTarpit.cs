using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Http.Rules;

/// <summary>
/// AN_REQ_HTTP_TARPIT (1.4's <c>http_process_tarpit</c>, HTTP-MODE §10): a tarpitted request is held until
/// <c>timeout tarpit</c> expires or the client closes, then answered with a 500,
/// flags <c>PT</c>. Tq stays -1 (tv_request never stamped) and Tw is the time held.
/// </summary>
public sealed class HttpTarpit : IAnalyser
{
    public static readonly HttpTarpit Instance = new();

    private HttpTarpit()
    {
    }

    /// <inheritdoc/>
    public bool Analyse(Session session, Channel channel, int anBit)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(channel);
        var s = session;
        var req = channel;

        // Nothing is connected while held.
        req.Flags &= ~ChannelFlags.AutoConnect;
        if ((req.Flags & (ChannelFlags.ShutR | ChannelFlags.ReadError)) == 0 && !Ticks.IsExpired(req.AnalyseExp, s.Loop.Clock.NowMs))
        {
            return false;
        }

        s.Logs.TQueue = ProcessSession.Elapsed(s);
        s.Txn!.Status = 500;
        // 1.4 compares the whole flag word with BF_READ_ERROR, which other flags always accompany: the page
        // is in practice always written (and counted), even to a client that is gone.
        HttpReplies.RetnClose(s.Si0, HttpReplies.ErrorMessage(s, 500));

        req.Analysers = 0;
        req.AnalyseExp = Ticks.Eternity;
        s.Fe.FailedReq++;
        s.SetErrIfNone(SessionError.PrxCond);
        s.SetFinIfNone(SessionFinState.T);
        return false;
    }
}
