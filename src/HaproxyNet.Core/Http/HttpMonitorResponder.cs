using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Http;

/// <summary>
/// The reply to a <c>monitor-net</c> client of a non-TCP frontend (1.4's <c>event_accept</c>, SN_MONITOR) and to
/// every client of a <c>mode health</c> frontend: HTTP frontends and health frontends with <c>option httpchk</c>
/// send <c>HTTP/1.0 200 OK\r\n\r\n</c>, other health frontends <c>OK\n</c>, then close. A monitor session is never
/// logged; a health session is, with <c>option tcplog</c> (or httplog, which falls back to it), as 1.4.25 does.
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
        var fe = session.Fe;
        var http = fe.Mode == ProxyMode.Http || fe.CheckSettings.Kind == Checks.CheckKind.Http;
        HttpReplies.RetnClose(session.Si0, http ? HttpReplies.MonitorNetReply : "OK\n"u8);
    }
}
