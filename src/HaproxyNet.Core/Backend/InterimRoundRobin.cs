using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Queueing;

namespace HaproxyNet.Core.Backend;

/// <summary>
/// Temporary weighted round robin used until the LB engineer's FWRR is merged: each server takes
/// <c>uweight</c> consecutive turns, saturated servers are skipped, <c>avoid</c> is taken only if it is the sole candidate.
/// </summary>
/// <remarks>Follows LB.md §1 for the active/backup group choice (fbck unless allbackups). Not FWRR's exact order.</remarks>
internal static class InterimRoundRobin
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Proxy, Cursor> Cursors = new();

    public static int TotWeight(Proxy be)
    {
        int act = 0, bck = 0;
        Server? fbck = null;
        foreach (var s in be.Servers)
        {
            if (!s.IsUsable)
            {
                continue;
            }

            if (s.IsBackup)
            {
                bck += s.EWeight;
                fbck ??= be.AllBackups ? null : s;
            }
            else
            {
                act += s.EWeight;
            }
        }

        return act > 0 ? act : fbck is not null ? fbck.EWeight : bck;
    }

    public static Server? GetNextServer(Proxy be, Server? avoid, long nowSeconds)
    {
        var useBackup = true;
        foreach (var s in be.Servers)
        {
            if (s.IsUsable && !s.IsBackup)
            {
                useBackup = false;
                break;
            }
        }

        var cursor = Cursors.GetOrCreateValue(be);
        var n = be.Servers.Count;
        Server? avoided = null;
        for (var i = 0; i < n * 2; i++)
        {
            var idx = cursor.Index % n;
            var s = be.Servers[idx];
            if (!Eligible(be, s, useBackup))
            {
                cursor.Advance(n);
                continue;
            }

            if (Saturated(s, nowSeconds))
            {
                cursor.Advance(n);
                continue;
            }

            if (s == avoid)
            {
                avoided = s;
                cursor.Advance(n);
                continue;
            }

            cursor.Used++;
            if (cursor.Used >= Math.Max(1, s.UWeight))
            {
                cursor.Advance(n);
            }

            return s;
        }

        return avoided;
    }

    private static bool Eligible(Proxy be, Server s, bool useBackup)
    {
        if (!s.IsUsable || s.IsBackup != useBackup)
        {
            return false;
        }

        if (!useBackup || be.AllBackups)
        {
            return true;
        }

        foreach (var o in be.Servers)
        {
            if (o.IsBackup && o.IsUsable)
            {
                return o == s; // only the first usable backup (fbck)
            }
        }

        return false;
    }

    private static bool Saturated(Server s, long nowSeconds) =>
        s.MaxConn != 0 && (s.NbPend > 0 || s.Served >= DynamicMaxconn.SrvDynamicMaxconn(s, nowSeconds));

    private sealed class Cursor
    {
        public int Index { get; private set; }

        public int Used { get; set; }

        public void Advance(int n)
        {
            Index = (Index + 1) % n;
            Used = 0;
        }
    }
}
