using System.Net;
using HaproxyNet.Core.Logging;
using HaproxyNet.Core.Ports;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Tasks;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Sessions;

/// <summary>Accepts connections on a listener and creates their sessions.</summary>
/// <remarks>HAProxy 1.4 <c>event_accept</c> (src/client.c).</remarks>
public static class EventAccept
{
    private const int Emfile = 24;
    private const int Enfile = 23;
    private const int Enobufs = 105;
    private const int Enomem = 12;

    /// <summary>
    /// Accepts up to tune.maxaccept connections while the frontend and the process are below maxconn; each becomes
    /// a session whose task is woken (INIT). Stops polling the listener once it is FULL.
    /// </summary>
    public static void Accept(EngineLoop loop, Listener l)
    {
        loop.Clock.EnsureFresh();
        var fe = l.Frontend;
        var max = loop.Global.MaxAccept;
        if (fe.SessionRateLimit != 0)
        {
            // int as in 1.4: a limit beyond int.MaxValue wraps negative and no longer bounds the batch.
            var budget = unchecked((int)fe.FeSessPerSec.Remain(fe.SessionRateLimit, 0, loop.Clock.NowUs));
            if (max > budget)
            {
                max = budget;
            }
        }

        while (fe.FeConn < fe.MaxConn && loop.ActConn < loop.Global.MaxConn && max-- != 0)
        {
            var sock = l.Socket;
            if (sock is null)
            {
                return;
            }

            var conn = sock.TryAccept(out var status, out var errno);
            if (conn is null)
            {
                if (status == IoStatus.Error)
                {
                    LogAcceptError(loop, fe, errno);
                }

                return;
            }

            if (l.NbConn >= l.MaxConn)
            {
                conn.Close(); // unreachable in practice, as in 1.4
                continue;
            }

            var monitor = IsMonitor(fe, conn.RemoteEndPoint);
            if (monitor && fe.Mode == ProxyMode.Tcp)
            {
                conn.Close(); // TCP monitor-net: no session, no counter, nothing logged
                continue;
            }

            try
            {
                CreateSession(loop, l, conn, monitor);
            }
            catch (Exception e)
            {
                // 1.4 closes the fd when it cannot build the session (out of memory): this client alone is dropped.
                conn.Close(reset: true);
                loop.InternalErrors++;
                loop.Messages?.Alert($"HaproxyNet internal error accepting a connection on proxy {fe.Name}, connection closed: {e}\n");
                continue;
            }

            l.NbConn++;
            l.CumConn++;
            if (l.NbConn > l.NbConnMax)
            {
                l.NbConnMax = l.NbConn;
            }

            if (l.NbConn >= l.MaxConn)
            {
                l.EnablePolling(false);
                l.State = ListenerState.Full;
            }

            fe.FeConn++;
            if (fe.FeConn > fe.FeConnMax)
            {
                fe.FeConnMax = fe.FeConn;
            }

            loop.ActConn++;
            loop.TotalConn++;
        }
    }

    private static void CreateSession(EngineLoop loop, Listener l, IConnection conn, bool monitor)
    {
        var fe = l.Frontend;
        var s = new Session(loop, l, loop.TotalConn, loop.Global.BufSize)
        {
            ConnRetries = fe.ConnRetries,
            ClientAddress = conn.RemoteEndPoint,
        };
        fe.IncFeCounter(loop.Clock.NowUs);
        if (monitor)
        {
            s.Flags |= SessionFlags.Monitor;
        }

        s.Si0.State = StreamInterfaces.SiState.Est;
        s.Si0.PrevState = StreamInterfaces.SiState.Est;
        s.Si0.Connection = conn;
        s.Si0.Flags |= fe.Has(ProxyOptions.IndependantStreams) ? StreamInterfaces.SiFlags.IndepStr : 0;
        conn.Handler = s.Si0;

        s.Logs.LogWait = monitor ? LogWait.None : ToLog(fe);
        s.Logs.AcceptDateUs = loop.Clock.DateUs;
        s.Logs.TvAcceptUs = loop.Clock.NowUs;

        // Decided on fe->to_log, not on the session's logwait: a MONITOR session still says "Connect from" (a
        // health-mode one never: 1.4 says it for TCP and HTTP only).
        if (fe.Logs.Count > 0 && ToLog(fe) == LogWait.None && fe.Mode != ProxyMode.Health)
        {
            SendConnectFrom(loop, s);
        }

        if (loop.DebugOutput is { } debug)
        {
            DebugTrace.Accept(debug, s);
        }

        s.Req.Analysers = Analysers.ReqSwitchingRules | (fe.NeedsInspect ? Analysers.ReqInspect : 0);
        if (fe.Mode == ProxyMode.Http)
        {
            Http.HttpAnalysers.InitSession(s);
        }

        s.Req.Flags |= Buffers.ChannelFlags.ReadAttached | Buffers.ChannelFlags.ReadDontWait; // the producer is connected; small requests
        s.Req.Rto = fe.Timeouts.Client;
        s.Req.Wto = fe.Timeouts.Server;
        s.Rep.Rto = fe.Timeouts.Server;
        s.Rep.Wto = fe.Timeouts.Client;
        s.Req.Rex = Ticks.Eternity;
        s.Req.Wex = Ticks.Eternity;
        s.Rep.Rex = Ticks.Eternity;
        s.Rep.Wex = Ticks.Eternity;

        if (loop.Trace.IsEnabled)
        {
            loop.Trace.Trace(s.UniqId, $"accept {Format(s.ClientAddress)} on {fe.Name} ({Format(s.FrontAddress)}): feconn={fe.FeConn + 1}/{fe.MaxConn} actconn={loop.ActConn + 1}/{loop.Global.MaxConn}");
        }

        if ((monitor || fe.Mode == ProxyMode.Health) && loop.MonitorResponder is { } responder)
        {
            // HTTP monitor-net: "HTTP/1.0 200 OK" and close (the HTTP layer plugs in here); mode health: "OK\n"
            // (the 200 with option httpchk) and close, logged as any session unless monitor-net matched.
            responder.Respond(s);
        }
        else
        {
            conn.SetInterest(true, false);
        }

        loop.Scheduler.Wakeup(s.Task, TaskWoken.Init);
    }

    /// <summary>fe->to_log: tcplog fields, minus LW_BYTES with logasap; 0 for the default "Connect from" format.</summary>
    internal static LogWait ToLog(Proxy fe)
    {
        if (!fe.Has(ProxyOptions.TcpLog) && !fe.Has(ProxyOptions.HttpLog))
        {
            return LogWait.None;
        }

        var w = LogWait.TcpLog;
        if (fe.Has(ProxyOptions.HttpLog))
        {
            w |= LogWait.Req | LogWait.Resp;
        }

        if (fe.Has(ProxyOptions.LogAsap))
        {
            w &= ~LogWait.Bytes;
        }

        return w;
    }

    /// <summary>"Connect from ip:port to ip:port (fe/MODE)" at info level.</summary>
    private static void SendConnectFrom(EngineLoop loop, Session s)
    {
        Span<char> buf = stackalloc char[256];
        var w = new LineWriter(buf);
        w.Append("Connect from ");
        w.Append(s.ClientAddress.Address);
        w.Append(':');
        w.Append(s.ClientAddress.Port);
        w.Append(" to ");
        w.Append(s.FrontAddress.Address);
        w.Append(':');
        w.Append(s.FrontAddress.Port);
        w.Append(" (");
        w.Append(s.Fe.Name);
        w.Append(s.Fe.Mode == ProxyMode.Http ? "/HTTP)\n" : "/TCP)\n");
        loop.SendLog(s.Fe, LogLevels.Info, w.Written);
    }

    private static void LogAcceptError(EngineLoop loop, Proxy fe, int errno)
    {
        switch (errno)
        {
            case Enfile:
                loop.SendLog(fe, LogLevels.Emerg, $"Proxy {fe.Name} reached system FD limit at {loop.Global.MaxConn}. Please check system tunables.\n");
                break;
            case Emfile:
                loop.SendLog(fe, LogLevels.Emerg, $"Proxy {fe.Name} reached process FD limit at {loop.Global.MaxConn}. Please check 'ulimit-n' and restart.\n");
                break;
            case Enobufs:
            case Enomem:
                loop.SendLog(fe, LogLevels.Emerg, $"Proxy {fe.Name} reached system memory limit at {loop.Global.MaxConn} sockets. Please check system tunables.\n");
                break;
        }
    }

    /// <summary>The monitor-net test of event_accept: IPv4 clients only.</summary>
    private static bool IsMonitor(Proxy fe, IPEndPoint client)
    {
        if (fe.MonitorMask == 0 || client.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return false;
        }

        Span<byte> b = stackalloc byte[4];
        return client.Address.TryWriteBytes(b, out _) && fe.IsMonitorClient(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(b));
    }

    private static string Format(IPEndPoint ep) => ep.Address + ":" + ep.Port;
}
