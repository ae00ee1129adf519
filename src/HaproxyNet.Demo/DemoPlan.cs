using System.Net;
using HaproxyNet.Config.Model;

namespace HaproxyNet.Demo;

/// <summary>What the demo needs from a sample config: where the backends, the syslog receiver and the frontends are.</summary>
internal sealed record DemoPlan(
    IReadOnlyList<IPEndPoint> Servers, IReadOnlyList<IPEndPoint> SyslogPorts, IReadOnlyList<IPEndPoint> Frontends)
{
    public static DemoPlan From(ConfigDocument config)
    {
        var servers = new List<IPEndPoint>();
        var syslog = new List<IPEndPoint>();
        var frontends = new List<IPEndPoint>();
        AddSyslog(config.Global.Logs, syslog);
        foreach (var proxy in config.Proxies)
        {
            if (proxy.Disabled)
            {
                continue;
            }

            AddSyslog(proxy.Logs, syslog);
            foreach (var server in proxy.Servers)
            {
                var ep = new IPEndPoint(server.Address, server.Port);
                if (!server.PortMapped && IPAddress.IsLoopback(server.Address) && !servers.Contains(ep))
                {
                    servers.Add(ep);
                }
            }

            foreach (var listener in proxy.Listeners)
            {
                var address = listener.Address.Equals(IPAddress.Any) ? IPAddress.Loopback : listener.Address;
                frontends.Add(new IPEndPoint(address, listener.Port));
            }
        }

        return new DemoPlan(servers, syslog, frontends);
    }

    private static void AddSyslog(IReadOnlyList<LogTarget> targets, List<IPEndPoint> into)
    {
        foreach (var target in targets)
        {
            // UNIX socket targets (paths) are not served by the demo; UDP without a port is 514.
            if (target.Address.StartsWith('/'))
            {
                continue;
            }

            var ep = IPEndPoint.TryParse(target.Address, out var parsed) ? parsed : null;
            if (ep is not null && ep.Port == 0)
            {
                ep.Port = 514;
            }

            if (ep is not null && IPAddress.IsLoopback(ep.Address) && !into.Contains(ep))
            {
                into.Add(ep);
            }
        }
    }
}
