using System.Buffers;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Logging;

/// <summary>The TCP session log line (<c>option tcplog</c>).</summary>
/// <remarks>
/// HAProxy 1.4 <c>tcp_sess_log</c> (src/log.c):
/// <c>ip:port [dd/Mon/yyyy:HH:MM:SS.mmm] fe be/srv Tw/Tc/Tt bytes tt act/fe/be/srv/retries sq/bq</c>.
/// Formatted into a pooled buffer, no string is built.
/// </remarks>
public static class TcpLogFormatter
{
    private const int LineSize = 1024;

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Formats and sends the line to the frontend's loggers (level info, err for errors with log-separate-errors).</summary>
    public static void TcpSessLog(Session s)
    {
        var loop = s.Loop;
        var fe = s.Fe;
        var buffer = ArrayPool<char>.Shared.Rent(LineSize);
        try
        {
            var w = new LineWriter(buffer.AsSpan(0, LineSize));
            Format(ref w, s, loop.ActConn, loop.Global.TimeZone);
            var isError = s.Err != SessionError.None || s.Has(SessionFlags.Redisp) || s.ConnRetries != s.Be.ConnRetries;
            if (isError || !fe.Has(ProxyOptions.DontLogNormal))
            {
                var level = isError && fe.Has(ProxyOptions.LogSeparateErrors) ? LogLevels.Err : LogLevels.Info;
                loop.SendLog(fe, level, w.Written);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes the line (with its trailing '\n') for <paramref name="s"/> as seen now.</summary>
    public static void Format(ref LineWriter w, Session s, int actconn, TimeZoneInfo zone)
    {
        var fe = s.Fe;
        var be = s.Be;
        var logs = s.Logs;
        var asap = (EventAccept.ToLog(fe) & LogWait.Bytes) == 0;

        w.Append(s.ClientAddress.Address);
        w.Append(':');
        w.Append(s.ClientAddress.Port);
        w.Append(" [");
        AppendDate(ref w, logs.TvAcceptUs, zone);
        w.Append("] ");
        w.Append(fe.Name);
        w.Append(' ');
        w.Append(be.Name);
        w.Append('/');
        w.Append(s.Srv is { } srv ? srv.Name : "<NOSRV>");
        w.Append(' ');
        w.Append(logs.TQueue);
        w.Append('/');
        w.Append(logs.TConnect >= 0 ? logs.TConnect - logs.TQueue : -1);
        w.Append('/');
        if (asap)
        {
            w.Append('+');
        }

        w.Append(logs.TClose);
        w.Append(' ');
        if (asap)
        {
            w.Append('+');
        }

        w.Append(logs.BytesOut);
        w.Append(' ');
        w.Append(ErrChar(s.Err));
        w.Append(FinChar(s.Fin));
        w.Append(' ');
        AppendCounters(ref w, s, actconn);
        w.Append('\n');
    }

    /// <summary>
    /// The counters shared by tcplog and httplog: <c>actconn/feconn/beconn/srv_conn/[+]retries srv_queue/backend_queue</c>
    /// (sess_log and tcp_sess_log in 1.4's log.c write the same fields).
    /// </summary>
    internal static void AppendCounters(ref LineWriter w, Session s, int actconn)
    {
        var be = s.Be;
        var logs = s.Logs;
        w.Append(actconn);
        w.Append('/');
        w.Append(s.Fe.FeConn);
        w.Append('/');
        w.Append(be.BeConn);
        w.Append('/');
        w.Append(s.Srv is { } srv2 ? srv2.CurSess : 0);
        w.Append('/');
        if (s.Has(SessionFlags.Redisp))
        {
            w.Append('+');
        }

        w.Append(s.ConnRetries > 0 ? be.ConnRetries - s.ConnRetries : be.ConnRetries);
        w.Append(' ');
        w.Append(logs.SrvQueueSize);
        w.Append('/');
        w.Append(logs.PrxQueueSize);
    }

    /// <summary><c>dd/Mon/yyyy:HH:MM:SS.mmm</c> in the log time zone.</summary>
    public static void AppendDate(ref LineWriter w, long unixUs, TimeZoneInfo zone)
    {
        var utc = DateTimeOffset.UnixEpoch.AddTicks(unixUs * 10);
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        w.AppendPadded(local.Day, 2);
        w.Append('/');
        w.Append(Months[local.Month - 1]);
        w.Append('/');
        w.AppendPadded(local.Year, 4);
        w.Append(':');
        w.AppendPadded(local.Hour, 2);
        w.Append(':');
        w.AppendPadded(local.Minute, 2);
        w.Append(':');
        w.AppendPadded(local.Second, 2);
        w.Append('.');
        w.AppendPadded((int)(unixUs / 1000 % 1000), 3);
    }

    /// <summary>sess_term_cond: <c>-cCsSPRI</c>.</summary>
    public static char ErrChar(SessionError e) => "-cCsSPRI"[(int)e];

    /// <summary>sess_fin_state: <c>-RCHDLQT</c>.</summary>
    public static char FinChar(SessionFinState f) => "-RCHDLQT"[(int)f];
}
