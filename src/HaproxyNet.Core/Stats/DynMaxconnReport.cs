using System.Globalization;
using System.Text;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Queueing;

namespace HaproxyNet.Core.Stats;

/// <summary>
/// <c>show dynmaxconn</c> (HaproxyNet, beyond 1.4): for each server with a maxconn, the live inputs and result of
/// <c>srv_dynamic_maxconn</c>, its queue and the age of its oldest waiter.
/// </summary>
/// <remarks>
/// Header line then one line per server:
/// <c># backend,server,beconn,fullconn,minconn,maxconn,warmup,limit,served,queue,bequeue,oldest_wait_ms,throttled</c>.
/// <c>warmup</c> is the slowstart percentage or <c>-</c>; <c>queue</c> is the server's own queue, <c>bequeue</c> the
/// backend's (sessions any server may take); <c>oldest_wait_ms</c> is the age of the oldest of them; <c>throttled</c>
/// is 1 when the limit is below maxconn while sessions wait (what the stats page marks).
/// </remarks>
public static class DynMaxconnReport
{
    public const string Header = "# backend,server,beconn,fullconn,minconn,maxconn,warmup,limit,served,queue,bequeue,oldest_wait_ms,throttled\n";

    public static void Write(StringBuilder o, EngineLoop loop)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(loop);
        var inv = CultureInfo.InvariantCulture;
        var nowSec = loop.Clock.NowSeconds;
        o.Append(Header);
        foreach (var px in loop.Proxies)
        {
            if (!px.IsBackend || !StatsCsv.IsListed(px))
            {
                continue;
            }

            foreach (var sv in px.Servers)
            {
                var throttle = ServerStatusText.Throttle(sv, nowSec);
                var limit = sv.MaxConn == 0 ? 0 : DynamicMaxconn.SrvDynamicMaxconn(sv, nowSec);
                o.Append(px.Name).Append(',').Append(sv.Name).Append(',')
                    .Append(px.BeConn.ToString(inv)).Append(',')
                    .Append(px.FullConn.ToString(inv)).Append(',')
                    .Append(sv.MinConn.ToString(inv)).Append(',')
                    .Append(sv.MaxConn.ToString(inv)).Append(',')
                    .Append(throttle >= 0 ? throttle.ToString(inv) + "%" : "-").Append(',')
                    .Append(sv.MaxConn == 0 ? "unlimited" : limit.ToString(inv)).Append(',')
                    .Append(sv.Served.ToString(inv)).Append(',')
                    .Append(sv.NbPend.ToString(inv)).Append(',')
                    .Append(px.NbPend.ToString(inv)).Append(',')
                    .Append(OldestWaitMs(loop, sv).ToString(inv)).Append(',')
                    .Append(IsThrottled(sv, nowSec) ? '1' : '0').Append('\n');
            }
        }
    }

    /// <summary>Milliseconds the oldest session waiting for this server (its queue or its backend's) has waited, 0 when none.</summary>
    public static long OldestWaitMs(EngineLoop loop, Server sv)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(sv);
        var oldest = long.MaxValue;
        if (sv.PendConns.Head is { } p)
        {
            oldest = p.QueuedAtUs;
        }

        if (sv.Proxy.PendConns.Head is { } b && b.QueuedAtUs < oldest)
        {
            oldest = b.QueuedAtUs;
        }

        return oldest == long.MaxValue ? 0 : Math.Max(0, (loop.Clock.NowUs - oldest) / 1000);
    }

    /// <summary>True when the server's dynamic limit is below its maxconn while sessions wait for it or its backend.</summary>
    public static bool IsThrottled(Server sv, long nowSeconds)
    {
        ArgumentNullException.ThrowIfNull(sv);
        if (sv.MaxConn == 0 || (sv.NbPend == 0 && sv.Proxy.NbPend == 0))
        {
            return false;
        }

        return DynamicMaxconn.SrvDynamicMaxconn(sv, nowSeconds) < sv.MaxConn;
    }
}
