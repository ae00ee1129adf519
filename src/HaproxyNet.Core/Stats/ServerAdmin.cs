using System.Globalization;
using HaproxyNet.Core.Checks;
using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.Stats;

/// <summary>Server state changes asked by an operator (socket <c>disable/enable server</c>, the page's admin form).</summary>
/// <remarks>1.4.25's "disable server"/"enable server" branches of dumpstats.c and <c>http_process_req_stat_post</c>.</remarks>
public static class ServerAdmin
{
    /// <summary>Puts the server in maintenance (no-op when it already is): DOWN for maintenance, trackers follow.</summary>
    public static void Disable(EngineLoop loop, Server sv)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(sv);
        if ((sv.State & ServerState.Maintain) != 0)
        {
            return;
        }

        sv.State |= ServerState.Maintain;
        ServerHealth.SetServerDown(loop, sv);
    }

    /// <summary>
    /// Takes the server out of maintenance (no-op when it is not in it): UP (leaving maintenance) with health at
    /// rise, or, for a tracker whose tracked server is down, straight to DOWN.
    /// </summary>
    public static void Enable(EngineLoop loop, Server sv)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(sv);
        if ((sv.State & ServerState.Maintain) == 0)
        {
            return;
        }

        if (sv.Tracked is null || sv.Tracked.IsRunning)
        {
            ServerHealth.SetServerUp(loop, sv);
            sv.Health = sv.Rise;
        }
        else
        {
            sv.State &= ~ServerState.Maintain;
            ServerHealth.SetServerDown(loop, sv);
        }
    }

    /// <summary>A backend-capable proxy by name or <c>#id</c>.</summary>
    public static Proxy? FindBackend(EngineLoop loop, string name)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(name);
        var byId = name.StartsWith('#');
        var id = byId ? StatsCli.Atoi(name[1..]) : 0;
        foreach (var px in loop.Proxies)
        {
            if (px.IsBackend && (byId ? px.Uuid == id : px.Name == name))
            {
                return px;
            }
        }

        return null;
    }

    /// <summary>A server of <paramref name="px"/> by name or <c>#id</c>.</summary>
    public static Server? FindServer(Proxy px, string name)
    {
        ArgumentNullException.ThrowIfNull(px);
        ArgumentNullException.ThrowIfNull(name);
        var byId = name.StartsWith('#');
        var id = byId ? StatsCli.Atoi(name[1..]) : 0;
        foreach (var sv in px.Servers)
        {
            if (byId ? sv.Puid == id : sv.Name == name)
            {
                return sv;
            }
        }

        return null;
    }

    /// <summary>Text of a server id for messages.</summary>
    public static string Id(Server sv)
    {
        ArgumentNullException.ThrowIfNull(sv);
        return sv.Puid.ToString(CultureInfo.InvariantCulture);
    }
}
