using HaproxyNet.Config.Model;

namespace HaproxyNet.Config.Lint;

/// <summary>
/// Optional checks for configurations 1.4.25 accepts but that hold sessions back: today the minconn/fullconn
/// queue pitfall of the seed incident (servers capped at minconn while the backend is far below fullconn,
/// the rest waiting in the queue until the queue timeout, which defaults to <c>timeout connect</c>).
/// </summary>
/// <remarks>
/// Not part of 1.4: runs on the validated model (fullconn defaulted, minconn/maxconn normalised and the
/// queue timeout fallback already applied by <c>check_config_validity</c>) and never changes a verdict.
/// </remarks>
public static partial class ConfigLint
{
    /// <summary>Beyond this many load steps the queueing window search gives up (configs with huge fullconn).</summary>
    private const int MaxLoadSteps = 1_000_000;

    /// <summary>All findings for <paramref name="document"/>, in proxy then server declaration order.</summary>
    public static IReadOnlyList<LintFinding> Run(ConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var findings = new List<LintFinding>();
        foreach (var proxy in document.Proxies)
        {
            CheckMinconnFloor(proxy, document.Defaults, findings);
        }

        return findings;
    }

    private static void CheckMinconnFloor(ProxySection proxy, DefaultsSection defaults, List<LintFinding> findings)
    {
        // Disabled proxies are skipped by 1.4's checks too; health mode ignores servers; without an
        // algorithm (dispatch, transparent, http_proxy) the LB never hands sessions to the servers.
        if (proxy.Disabled
            || (proxy.Capabilities & ProxyCapabilities.Backend) == 0
            || proxy.Mode == ProxyMode.Health
            || proxy.Balance == BalanceAlgorithm.None
            || proxy.FullConn <= 0)
        {
            return;
        }

        var active = ActiveServers(proxy);
        var hashed = IsHashBalance(proxy);
        var capacity = 0;
        if (!hashed && FirstQueueingLoad(active, proxy.FullConn, out capacity) == 0)
        {
            return;
        }

        var origin = QueueTimeoutSource.Resolve(proxy, defaults);
        long sumMax = 0;
        var unlimited = false;
        var flagged = 0;
        foreach (var srv in active)
        {
            sumMax += srv.MaxConn;
            unlimited |= srv.MaxConn == 0;
            if (srv.MinConn >= srv.MaxConn
                || (hashed && MinconnFloor.SessionsToLeaveFloor(srv.MinConn, srv.MaxConn, proxy.FullConn) <= srv.MinConn + 1))
            {
                continue;
            }

            flagged++;
            findings.Add(new LintFinding(
                srv.Span, LintSeverity.Warning, LintCodes.DynamicMaxconnFloor, FloorMessage(proxy, srv, active.Count, capacity, origin)));
            if (srv.MaxQueue > 0 && UsesServerQueue(proxy, srv))
            {
                findings.Add(new LintFinding(srv.Span, LintSeverity.Warning, LintCodes.MaxqueueAtFloor, MaxqueueMessage(proxy, srv)));
            }
        }

        if (flagged == 0)
        {
            return;
        }

        if (!unlimited && sumMax < proxy.FullConn)
        {
            findings.Add(new LintFinding(
                proxy.Span, LintSeverity.Notice, LintCodes.FullconnAboveServerCapacity, FullconnMessage(proxy, active, (int)sumMax)));
        }

        if (origin is QueueTimeoutOrigin.ConnectFallback or QueueTimeoutOrigin.DefaultsConnectFallback)
        {
            findings.Add(new LintFinding(
                proxy.Span, LintSeverity.Notice, LintCodes.QueueTimeoutFromConnect, QueueTimeoutMessage(proxy, origin)));
        }
    }

    /// <summary>
    /// Hash algorithms pick a server whatever its load, so one server at minconn queues sessions even when the
    /// others have room: judged server by server (a session hashed to it while the backend holds minconn+1
    /// sessions, itself included, waits).
    /// </summary>
    private static bool IsHashBalance(ProxySection proxy) =>
        proxy.Balance is not (BalanceAlgorithm.RoundRobin or BalanceAlgorithm.StaticRoundRobin or BalanceAlgorithm.LeastConn);

    /// <summary>
    /// Whether sessions can be bound to <paramref name="srv"/> before it has a free slot, so they wait in its own
    /// queue where maxqueue applies: hashing algorithms always, round robin and leastconn only through a cookie.
    /// </summary>
    /// <remarks>assign_server_and_queue (backend.c): LB "next server" functions skip saturated servers.</remarks>
    private static bool UsesServerQueue(ProxySection proxy, ServerLine srv) =>
        IsHashBalance(proxy) || (proxy.CookieName is not null && srv.Cookie is not null);

    /// <summary>Servers the LB picks from at normal times: not backup, not disabled, weight above 0.</summary>
    private static List<ServerLine> ActiveServers(ProxySection proxy)
    {
        var active = new List<ServerLine>();
        foreach (var srv in proxy.Servers)
        {
            if (!srv.Backup && !srv.Disabled && srv.Weight > 0)
            {
                active.Add(srv);
            }
        }

        return active;
    }

    /// <summary>
    /// The smallest backend load (beconn, queued sessions included) at which the servers' dynamic limits add up
    /// to less than the load although their maxconn would fit it, i.e. sessions queue only because of the
    /// minconn floor. 0 when that never happens (a server without maxconn, no server, or enough room).
    /// </summary>
    internal static int FirstQueueingLoad(IReadOnlyList<ServerLine> active, int fullconn, out int capacity)
    {
        capacity = 0;
        long sumMax = 0;
        var anyDynamic = false;
        foreach (var srv in active)
        {
            if (srv.MaxConn == 0)
            {
                return 0; // unlimited server: LB never sees it saturated.
            }

            capacity += srv.MinConn;
            sumMax += srv.MaxConn;
            anyDynamic |= srv.MinConn < srv.MaxConn;
        }

        if (!anyDynamic)
        {
            return 0;
        }

        var last = (int)Math.Min(Math.Min(sumMax, (long)fullconn - 1), (long)capacity + MaxLoadSteps);
        for (var load = capacity + 1; load <= last; load++)
        {
            long served = 0;
            foreach (var srv in active)
            {
                served += MinconnFloor.Limit(load, srv.MinConn, srv.MaxConn, fullconn);
            }

            if (served < load)
            {
                return load;
            }
        }

        return 0;
    }
}
