using System.Net;
using HaproxyNet.Core.Logging;
using HaproxyNet.Core.Ports;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.StreamInterfaces;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Backend;

/// <summary>Opening the server connection (1.4's <c>connect_server</c> and <c>tcpv4_connect_server</c>).</summary>
public static partial class ServerConnect
{
    private const int Eaddrinuse = 98;
    private const int Eaddrnotavail = 99;
    private const int Eagain = 11;

    /// <summary>
    /// connect_server: resolves the server address if needed, starts a non-blocking connect and, on success,
    /// counts the connection on the server (cur_sess++, SN_CURR_SESS).
    /// </summary>
    public static ConnectError ConnectServer(Session s)
    {
        if (!s.Has(SessionFlags.AddrSet) && !AssignServerAddress(s))
        {
            return ConnectError.Internal;
        }

        var r = TcpConnectServer(s, s.Si1, s.SrvAddress!);
        if (r != ConnectError.None)
        {
            return r;
        }

        if (s.Srv is { } srv)
        {
            s.Flags |= SessionFlags.CurrSess;
            srv.CurSess++;
            if (srv.CurSess > srv.CurSessMax)
            {
                srv.CurSessMax = srv.CurSess;
            }

            LbHooks.ServerTakeConn(srv);
        }

        return ConnectError.None;
    }

    /// <summary>
    /// assign_server_address: the server's address; 0.0.0.0 means the address the client connected to, and mapped
    /// ports add the client's destination port. Without a server: the backend's dispatch address, else with
    /// <c>option transparent</c> the client's original destination (get_frt_addr). Returns false when there is
    /// nothing to connect to.
    /// </summary>
    public static bool AssignServerAddress(Session s)
    {
        if (s.Srv is not { Address: { } addr } srv)
        {
            if (s.Srv is not null)
            {
                return false;
            }

            if (s.Be.DispatchAddress is { } dispatch)
            {
                s.SrvAddress = dispatch;
            }
            else if (s.Be.Transparent)
            {
                s.SrvAddress = s.FrontAddress;
            }
            else if (!s.Be.HttpProxy || s.SrvAddress is null)
            {
                // (option http_proxy: the address parsed from the URI is already in SrvAddress.)
                return false;
            }

            s.Flags |= SessionFlags.AddrSet;
            return true;
        }

        var anyAddress = addr.Address.Equals(IPAddress.Any);
        if (!anyAddress && !srv.MappedPorts)
        {
            s.SrvAddress = addr; // the common case: no allocation per connect
        }
        else
        {
            var ip = anyAddress ? s.FrontAddress.Address : addr.Address;
            var port = srv.MappedPorts ? s.FrontAddress.Port + srv.PortOffset : addr.Port;
            s.SrvAddress = new IPEndPoint(ip, port);
        }

        s.Flags |= SessionFlags.AddrSet;
        return true;
    }

    /// <summary>
    /// tcpv4_connect_server: <c>INetwork.Connect</c> with the server's <c>source</c> (else the backend's) and
    /// the backend's socket options then, when in progress, registers the socket for writability, moves
    /// <paramref name="si"/> to CON and arms the connect timeout. A failed source bind is a resource error with
    /// 1.4's alert and emergency log.
    /// </summary>
    public static ConnectError TcpConnectServer(Session s, StreamInterface si, IPEndPoint target)
    {
        var loop = s.Loop;
        var be = s.Be;
        var conn = ConnectFromSource(s, si, target, out var status, out var errno);
        si.Fd = conn?.Fd ?? loop.Network.LastConnectFd; // si->fd = socket(), kept even when connect() failed
        if (loop.Trace.IsEnabled)
        {
            loop.Trace.Trace(s.UniqId, $"connect attempt to {s.Srv?.Name ?? "<dispatch>"} at {target}: {status} (errno {errno}), retries left {s.ConnRetries}");
        }

        switch (status)
        {
            case ConnectStatus.InProgress when conn is not null:
                si.Connection = conn;
                conn.Handler = si;
                conn.SetInterest(false, true);
                si.State = SiState.Con;
                si.Flags &= ~SiFlags.Err;
                si.Exp = Ticks.AddIfSet(loop.Clock.NowMs, be.Timeouts.Connect);
                return ConnectError.None;
            case ConnectStatus.Refused:
                return ConnectError.SrvCl;
            case ConnectStatus.SourceBindFailed or ConnectStatus.ForeignBindFailed:
                ReportBindFailure(s, status == ConnectStatus.ForeignBindFailed);
                return ConnectError.Resource;
            case ConnectStatus.Resource:
                if (errno is Eagain or Eaddrnotavail)
                {
                    loop.SendLog(be, LogLevels.Err, $"Connect() failed for backend {be.Name}: no free ports.\n");
                }
                else if (errno == Eaddrinuse)
                {
                    loop.SendLog(be, LogLevels.Err, $"Connect() failed for backend {be.Name}: local address already in use.\n");
                }

                return ConnectError.Resource;
            default:
                conn?.Close();
                return ConnectError.Internal;
        }
    }
}
