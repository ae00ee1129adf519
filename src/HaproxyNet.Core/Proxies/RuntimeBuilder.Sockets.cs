using System.Globalization;
using System.Net;
using HaproxyNet.Core.Ports;
using Cfg = HaproxyNet.Config.Model;

namespace HaproxyNet.Core.Proxies;

/// <summary>Socket-level settings: dispatch, transparent, source, keep-alive, linger, buffers, listener options.</summary>
/// <remarks>
/// What 1.4's <c>check_config_validity</c> leaves in <c>struct proxy/server/listener</c> for <c>event_accept</c>,
/// <c>assign_server_address</c>, <c>tcpv4_connect_server</c> and <c>tcp_bind_listener</c>, turned into per-socket
/// option values once, so no connection looks the configuration up.
/// </remarks>
public static partial class RuntimeBuilder
{
    /// <summary>
    /// Sets dispatch, source and the per-socket options of <paramref name="p"/>, its servers and listeners;
    /// <paramref name="global"/> supplies the tune.sndbuf/rcvbuf sizes (null: kernel defaults).
    /// </summary>
    public static void ApplySocketSettings(Cfg.ProxySection s, Proxy p, Cfg.GlobalSection? global)
    {
        // 1.4 only uses the dispatch address without an LB algorithm, and tests it for 0.0.0.0.
        if (p.IsBackend && s.Balance == Cfg.BalanceAlgorithm.None && s.Dispatch is { } dispatch
            && ParseEndPoint(dispatch) is { } d && !d.Address.Equals(IPAddress.Any))
        {
            p.DispatchAddress = d;
        }

        p.Source = s.Source is { } source ? ParseEndPoint(source) : null;
        var serverSide = new SocketOptions
        {
            KeepAlive = p.Has(ProxyOptions.TcpSrvKa),
            NoLinger = p.Has(ProxyOptions.NoLinger),
            SendBuffer = global?.TuneSndBufServer ?? 0,
            ReceiveBuffer = global?.TuneRcvBufServer ?? 0,
        };
        p.ServerSocketOptions = p.Source is null ? serverSide : serverSide with { Interface = s.SourceInterface };
        for (var i = 0; i < p.Servers.Count && i < s.Servers.Count; i++)
        {
            ApplyServerSource(s.Servers[i], p.Servers[i], serverSide, p.ServerSocketOptions);
        }

        var accepted = new SocketOptions
        {
            KeepAlive = p.Has(ProxyOptions.TcpCliKa),
            NoLinger = p.Has(ProxyOptions.NoLinger),
            SendBuffer = global?.TuneSndBufClient ?? 0,
            ReceiveBuffer = global?.TuneRcvBufClient ?? 0,
        };
        for (var i = 0; i < p.Listeners.Count && i < s.Listeners.Count; i++)
        {
            var line = s.Listeners[i];
            p.Listeners[i].Options = new ListenerOptions
            {
                DeferAccept = line.DeferAccept,
                Mss = line.Mss,
                Interface = line.Interface,
                NoLinger = p.Has(ProxyOptions.NoLinger),
                Accepted = accepted,
            };
        }
    }

    /// <summary>The option bits of the socket-level keywords (tcpka, clitcpka, srvtcpka, nolinger, transparent).</summary>
    private static ProxyOptions ToSocketOptions(Cfg.ProxySection s)
    {
        var o = ProxyOptions.None;
        if (s.TcpKeepAliveClient)
        {
            o |= ProxyOptions.TcpCliKa;
        }

        if (s.TcpKeepAliveServer)
        {
            o |= ProxyOptions.TcpSrvKa;
        }

        if (s.Options.Contains("nolinger"))
        {
            o |= ProxyOptions.NoLinger;
        }

        if (s.Options.Contains("splice-auto"))
        {
            o |= ProxyOptions.SpliceAuto;
        }

        if (s.Options.Contains("splice-request"))
        {
            o |= ProxyOptions.SpliceRequest;
        }

        if (s.Options.Contains("splice-response"))
        {
            o |= ProxyOptions.SpliceResponse;
        }

        if (s.Transparent)
        {
            o |= ProxyOptions.Transparent;
        }

        return o;
    }

    private static void ApplyServerSource(Cfg.ServerLine line, Server srv, SocketOptions serverSide, SocketOptions backendDefault)
    {
        if (line.Source is not { } source)
        {
            srv.SocketOptions = backendDefault;
            return;
        }

        srv.SocketOptions = serverSide with { Interface = line.SourceInterface };
        if (line.SourcePortHigh != source.Port)
        {
            // A range: each connection takes a port from the ring; the address is bound with that port.
            srv.SourcePorts = new SourcePortRange(source.Port, line.SourcePortHigh);
        }

        srv.Source = source;
    }

    /// <summary>"ip:port" as the model prints it (the last colon separates the port, IPv6 without brackets).</summary>
    private static IPEndPoint? ParseEndPoint(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon < 0 || !IPAddress.TryParse(text.AsSpan(0, colon), out var ip)
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return null;
        }

        return new IPEndPoint(ip, port);
    }
}
