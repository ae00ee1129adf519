using System.Globalization;
using HaproxyNet.Config.Model;

namespace HaproxyNet.Config.Lint;

/// <summary>Finding texts: every number the operator needs to see the pitfall and fix it.</summary>
public static partial class ConfigLint
{
    private static string FloorMessage(ProxySection proxy, ServerLine srv, int activeCount, int capacity, QueueTimeoutOrigin origin)
    {
        var n = MinconnFloor.SessionsToLeaveFloor(srv.MinConn, srv.MaxConn, proxy.FullConn);
        var q = proxy.Timeouts.Queue;
        var lowLoad = IsHashBalance(proxy)
            ? string.Create(CultureInfo.InvariantCulture,
                $"at low load this server serves at most {srv.MinConn} session{(srv.MinConn == 1 ? string.Empty : "s")} at once "
                + $"and further sessions that hashing sends to it ")
            : string.Create(CultureInfo.InvariantCulture,
                $"at low load the backend serves at most {capacity} session{(capacity == 1 ? string.Empty : "s")} at once "
                + $"(minconn summed over its {activeCount} active server{(activeCount == 1 ? string.Empty : "s")}) and the rest ");
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{SectionWord(proxy)} '{proxy.Name}' server '{srv.Name}': dynamic maxconn stays at minconn={srv.MinConn} "
            + $"until the backend holds {n} sessions (maxconn={srv.MaxConn}, fullconn={proxy.FullConn}{FullConnNote(proxy)}); ")
            + lowLoad;
        text += origin == QueueTimeoutOrigin.None
            ? "wait in the queue with no time limit (neither 'timeout queue' nor 'timeout connect' is set)."
            : string.Create(CultureInfo.InvariantCulture,
                $"queue for up to {q} ms ({OriginText(origin)}), then fail with sQ{(proxy.Mode == ProxyMode.Http ? " and a 503" : string.Empty)} "
                + $"(logged as {proxy.Name}/{QueueLogServer(proxy, srv)}{CookieNote(proxy, srv)} with Tw about {q} ms).");
        if (srv.SlowStartSeconds > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture,
                $" For {srv.SlowStartSeconds} s after it comes back up, slowstart scales that limit down further (never below 1).");
        }

        return text + " Raise minconn, set it equal to maxconn, or lower fullconn to the expected load.";
    }

    private static string MaxqueueMessage(ProxySection proxy, ServerLine srv)
    {
        var n = MinconnFloor.SessionsToLeaveFloor(srv.MinConn, srv.MaxConn, proxy.FullConn);
        var binder = QueueLogServer(proxy, srv) == "<NOSRV>" ? $"its cookie '{srv.Cookie}'" : "hashing";
        return string.Create(CultureInfo.InvariantCulture,
            $"{SectionWord(proxy)} '{proxy.Name}' server '{srv.Name}': while the backend holds fewer than {n} sessions this server "
            + $"takes {srv.MinConn} at once and queues {srv.MaxQueue} more (maxqueue={srv.MaxQueue}); concurrent session number {srv.MinConn + srv.MaxQueue + 1} "
            + $"that {binder} sends to it is refused at once with SQ{(proxy.Mode == ProxyMode.Http ? " and a 503" : string.Empty)}"
            + $"{(proxy.Options.Contains("redispatch") && binder != "hashing" ? " unless 'option redispatch' moves it" : string.Empty)}, "
            + $"although maxconn={srv.MaxConn} would take it.");
    }

    private static string FullconnMessage(ProxySection proxy, List<ServerLine> active, int sumMax)
    {
        long served = 0;
        foreach (var srv in active)
        {
            served += MinconnFloor.Limit(sumMax, srv.MinConn, srv.MaxConn, proxy.FullConn);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{SectionWord(proxy)} '{proxy.Name}': fullconn={proxy.FullConn} is above the {sumMax} sessions its {active.Count} active "
            + $"server{(active.Count == 1 ? string.Empty : "s")} accept at maxconn, so they reach maxconn only once {proxy.FullConn} "
            + $"sessions are on the backend; with {sumMax} sessions on it they serve {served} and queue the rest.");
    }

    private static string QueueTimeoutMessage(ProxySection proxy, QueueTimeoutOrigin origin)
    {
        var from = origin == QueueTimeoutOrigin.ConnectFallback ? "its 'timeout connect'" : "the last defaults' 'timeout connect'";
        return string.Create(CultureInfo.InvariantCulture,
            $"{SectionWord(proxy)} '{proxy.Name}': queued sessions expire after {proxy.Timeouts.Queue} ms because no 'timeout queue' is set "
            + $"and 1.4 falls back to {from}; set 'timeout queue' to how long a client may wait for a server slot.");
    }

    /// <summary>The keyword that opened the section, so the operator can find it in the file.</summary>
    private static string SectionWord(ProxySection proxy) =>
        (proxy.Capabilities & ProxyCapabilities.Frontend) != 0 ? "listen" : "backend";

    /// <summary>Says when fullconn equals the proxy's maxconn, which is 1.4's value for an unset fullconn.</summary>
    private static string FullConnNote(ProxySection proxy)
    {
        if (proxy.MaxConn == 0 || proxy.FullConn != proxy.MaxConn)
        {
            return string.Empty;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $": the {SectionWord(proxy)}'s maxconn, which 1.4 uses when fullconn is unset");
    }

    /// <summary>A persistence cookie binds the session to its server, which queues it in the server's own queue.</summary>
    private static string CookieNote(ProxySection proxy, ServerLine srv) =>
        proxy.CookieName is not null && srv.Cookie is not null && QueueLogServer(proxy, srv) == "<NOSRV>"
            ? $", or {proxy.Name}/{srv.Name} when its cookie '{srv.Cookie}' sent the session there,"
            : string.Empty;

    private static string OriginText(QueueTimeoutOrigin origin) => origin switch
    {
        QueueTimeoutOrigin.ConnectFallback => "'timeout connect', no 'timeout queue'",
        QueueTimeoutOrigin.DefaultsConnectFallback => "the last defaults' 'timeout connect', no 'timeout queue'",
        _ => "'timeout queue'",
    };

    /// <summary>
    /// Round robin and leastconn skip saturated servers, so sessions wait in the backend queue (<c>&lt;NOSRV&gt;</c>);
    /// hashing picks the server anyway and the session waits in that server's queue.
    /// </summary>
    private static string QueueLogServer(ProxySection proxy, ServerLine srv) => proxy.Balance switch
    {
        BalanceAlgorithm.RoundRobin or BalanceAlgorithm.StaticRoundRobin or BalanceAlgorithm.LeastConn => "<NOSRV>",
        _ => srv.Name,
    };
}
