using System.Net;
using HaproxyNet.Core.Logging;
using HaproxyNet.Core.Ports;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.StreamInterfaces;

namespace HaproxyNet.Core.Backend;

/// <summary>Source binding of server connections (the SRV_BIND_SRC / PR_O_BIND_SRC half of tcpv4_connect_server).</summary>
public static partial class ServerConnect
{
    /// <summary>Port attempts on a source port range before giving up (1.4's <c>attempts = 10</c>).</summary>
    private const int PortRangeAttempts = 10;

    /// <summary>
    /// Connects with the server's <c>source</c> first, else the backend's; a port range takes its next free port and
    /// tries up to 10 of them. The port stays reserved on <paramref name="si"/> until its socket is closed.
    /// </summary>
    private static IConnection? ConnectFromSource(Session s, StreamInterface si, IPEndPoint target, out ConnectStatus status, out int errno)
    {
        var be = s.Be;
        var srv = s.Srv;
        var network = s.Loop.Network;
        if (srv?.Source is { } serverSource)
        {
            var options = WithForeignSource(s, srv.SocketOptions, srv.UseSrc, srv.UseSrcAddress);
            if (srv.SourcePorts is not { } range)
            {
                return network.Connect(target, serverSource, options, out status, out errno);
            }

            for (var attempt = 0; attempt < PortRangeAttempts; attempt++)
            {
                var port = range.Allocate();
                if (port == 0)
                {
                    break;
                }

                var conn = network.Connect(target, new IPEndPoint(serverSource.Address, port), options, out status, out errno);
                if (status is not (ConnectStatus.SourceBindFailed or ConnectStatus.ForeignBindFailed))
                {
                    if (conn is not null)
                    {
                        si.SourcePorts = range;
                        si.SourcePort = port;
                    }
                    else
                    {
                        range.Release(port);
                    }

                    return conn;
                }

                range.Release(port);
            }

            status = ConnectStatus.SourceBindFailed;
            errno = 0;
            return null;
        }

        if (be.Source is { } backendSource)
        {
            var options = WithForeignSource(s, be.ServerSocketOptions, be.UseSrc, be.UseSrcAddress);
            return network.Connect(target, backendSource, options, out status, out errno);
        }

        return network.Connect(target, null, be.ServerSocketOptions, out status, out errno);
    }

    /// <summary>assign_tproxy_address: the foreign address <c>usesrc</c> asks for, from the client when needed.</summary>
    private static SocketOptions WithForeignSource(Session s, SocketOptions options, UseSrcMode mode, IPEndPoint? fixedAddress)
    {
        return mode switch
        {
            UseSrcMode.Address when fixedAddress is not null => options with { ForeignSource = fixedAddress },
            UseSrcMode.Client => options with { ForeignSource = s.ClientAddress },
            UseSrcMode.ClientIp => options with { ForeignSource = new IPEndPoint(s.ClientAddress.Address, 0) },
            _ => options,
        };
    }

    /// <summary>1.4's alert (stderr) then emergency log when binding the source address failed.</summary>
    private static void ReportBindFailure(Session s, bool foreign)
    {
        var loop = s.Loop;
        var be = s.Be;
        var what = foreign ? "tproxy source address" : "source address";
        var who = s.Srv is { Source: not null } srv ? $"server {be.Name}/{srv.Name}" : $"proxy {be.Name}";
        loop.Messages?.Alert($"Cannot bind to {what} before connect() for {who}. Aborting.\n");
        loop.SendLog(be, LogLevels.Emerg, $"Cannot bind to {what} before connect() for {who}.\n");
    }
}
