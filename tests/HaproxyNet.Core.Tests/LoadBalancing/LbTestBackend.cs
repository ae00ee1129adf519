using HaproxyNet.Core.LoadBalancing;
using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.Tests.LoadBalancing;

/// <summary>Builds backends for LB tests and drives sessions the way the engine does.</summary>
internal static class LbTestBackend
{
    /// <summary>
    /// A backend with servers "name:weight" (suffix "b" for backup, e.g. "b1:2b"; "name:weight@id" sets the puid),
    /// all UP, then its load balancer.
    /// </summary>
    public static (Proxy Backend, ILoadBalancer Lb) Create(LbSettings settings, params string[] servers)
    {
        var px = new Proxy("be");
        var nextPuid = 1;
        foreach (var spec in servers)
        {
            var parts = spec.Split(':');
            var rest = parts[1];
            var backup = rest.EndsWith('b');
            rest = rest.TrimEnd('b');
            var puid = nextPuid;
            var at = rest.IndexOf('@', StringComparison.Ordinal);
            if (at >= 0)
            {
                puid = int.Parse(rest[(at + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                rest = rest[..at];
            }

            nextPuid = puid + 1;
            var srv = new Server(px, parts[0], puid)
            {
                UWeight = int.Parse(rest, System.Globalization.CultureInfo.InvariantCulture),
                State = ServerState.Running | (backup ? ServerState.Backup : ServerState.None),
            };
            px.Servers.Add(srv);
        }

        var lb = LoadBalancerFactory.Create(px, settings)!;
        return (px, lb);
    }

    public static LbSettings Algo(LbAlgorithm algorithm, HashType hashType = HashType.MapBased)
        => new() { Algorithm = algorithm, HashType = hashType };

    public static Server Srv(Proxy px, string name) => px.Servers.Find(s => s.Name == name)!;

    /// <summary>Assigns a server (slot taken) and starts its connection, as assign_server_and_queue + connect_server do.</summary>
    public static void Take(ILoadBalancer lb, Server s)
    {
        s.Served++;
        lb.ServerTakeConn(s);
        lb.ServerTakeConn(s);
    }

    /// <summary>Ends a session on the server (slot released).</summary>
    public static void Release(ILoadBalancer lb, Server s)
    {
        s.Served--;
        lb.ServerDropConn(s);
    }

    /// <summary><paramref name="count"/> sequential requests (each finished before the next): the servers picked.</summary>
    public static string Sequence(ILoadBalancer lb, int count, long now = 0)
    {
        var names = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var s = lb.GetNextServer(null, now);
            if (s is null)
            {
                names.Add("-");
                continue;
            }

            Take(lb, s);
            Release(lb, s);
            names.Add(s.Name);
        }

        return string.Join(' ', names);
    }

    /// <summary>Changes a server's state bits and notifies the balancer as the checks would.</summary>
    public static void SetDown(ILoadBalancer lb, Server s)
    {
        s.State &= ~ServerState.Running;
        lb.SetServerStatusDown(s);
    }

    public static void SetUp(ILoadBalancer lb, Server s)
    {
        s.State |= ServerState.Running;
        lb.SetServerStatusUp(s);
    }
}
