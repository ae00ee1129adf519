using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Http;

/// <summary>
/// The reply to a <c>monitor-net</c> client of a non-TCP frontend (1.4's <c>event_accept</c>, SN_MONITOR):
/// HTTP frontends send <c>HTTP/1.0 200 OK\r\n\r\n</c>, health frontends <c>OK\n</c>, then close. Never logged.
/// </summary>
public sealed class HttpMonitorResponder : IMonitorResponder
{
    public static readonly HttpMonitorResponder Instance = new();

    private HttpMonitorResponder()
    {
    }

    /// <inheritdoc/>
    public void Respond(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Req.Analysers = 0;
        HttpReplies.RetnClose(session.Si0, session.Fe.Mode == ProxyMode.Http ? HttpReplies.MonitorNetReply : "OK\n"u8);
    }
}
