using System.Buffers;
using HaproxyNet.Core.Logging;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Http;

/// <summary>The HTTP session log line (<c>option httplog</c>, and its <c>clf</c> variant), LOGGING.md §6 and §9.</summary>
/// <remarks>
/// HAProxy 1.4 <c>http_sess_log</c> / <c>http_sess_clflog</c> (src/proto_http.c). Formatted into a pooled buffer:
/// no string is built. The tail (captures, request line) follows 1.4's 1024-byte scratch line limits.
/// </remarks>
public static class HttpLogFormatter
{
    private const int LineSize = 2048;
    private const int TmpLine = 1024;

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Formats and sends the line (level info, err for errors with log-separate-errors; nothing for normal traffic with dontlog-normal).</summary>
    public static void HttpSessLog(Session s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var fe = s.Fe;
        var txn = s.Txn!;
        var isError = s.Err != SessionError.None || s.Has(SessionFlags.Redisp) || s.ConnRetries != s.Be.ConnRetries || txn.Status >= 500;
        if (!isError && fe.Has(ProxyOptions.DontLogNormal))
        {
            return;
        }

        var buffer = ArrayPool<char>.Shared.Rent(LineSize);
        try
        {
            var w = new LineWriter(buffer.AsSpan(0, LineSize));
            if (fe.HasHttp(HttpProxyOptions.Clf))
            {
                FormatClf(ref w, s, s.Loop.ActConn);
            }
            else
            {
                Format(ref w, s, s.Loop.ActConn, s.Loop.Global.TimeZone);
            }

            var level = isError && fe.Has(ProxyOptions.LogSeparateErrors) ? LogLevels.Err : LogLevels.Info;
            s.Loop.SendLog(fe, level, w.Written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes the httplog line (with its trailing '\n') for <paramref name="s"/> as seen now.</summary>
    public static void Format(ref LineWriter w, Session s, int actconn, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(s);
        var fe = s.Fe;
        var be = s.Be;
        var logs = s.Logs;
        var txn = s.Txn!;
        var asap = (EventAccept.ToLog(fe) & LogWait.Bytes) == 0;
        Timers(s, out var tq, out var tw, out var tc, out var tr);

        w.Append(s.ClientAddress.Address);
        w.Append(':');
        w.Append(s.ClientAddress.Port);
        w.Append(" [");
        TcpLogFormatter.AppendDate(ref w, logs.AcceptDateUs, zone);
        w.Append("] ");
        w.Append(fe.Name);
        w.Append(' ');
        w.Append(be.Name);
        w.Append('/');
        w.Append(s.Srv is { } srv ? srv.Name : "<NOSRV>");
        w.Append(' ');
        w.Append(tq);
        w.Append('/');
        w.Append(tw);
        w.Append('/');
        w.Append(tc);
        w.Append('/');
        w.Append(tr);
        w.Append('/');
        if (asap)
        {
            w.Append('+');
        }

        w.Append(logs.TClose);
        w.Append(' ');
        w.Append(txn.Status);
        w.Append(' ');
        if (asap)
        {
            w.Append('+');
        }

        w.Append(logs.BytesOut);
        w.Append(' ');
        AppendCookie(ref w, txn.CliCookie, txn.CliCookieLength);
        w.Append(' ');
        AppendCookie(ref w, txn.SrvCookie, txn.SrvCookieLength);
        w.Append(' ');
        w.Append(TcpLogFormatter.ErrChar(s.Err));
        w.Append(TcpLogFormatter.FinChar(s.Fin));
        AppendCookieFlags(ref w, s);
        w.Append(' ');
        TcpLogFormatter.AppendCounters(ref w, s, actconn);

        Span<char> tmp = stackalloc char[TmpLine];
        var h = 0;
        if (fe.RequestCaptures.Count > 0 && h < TmpLine - 10)
        {
            tmp[h++] = ' ';
            tmp[h++] = '{';
            for (var i = 0; i < fe.RequestCaptures.Count; i++)
            {
                if (i > 0)
                {
                    tmp[h++] = '|';
                }

                if (txn.ReqCapLen[i] >= 0)
                {
                    h = Encode(tmp, h, TmpLine - 7, txn.ReqCap[i].AsSpan(0, txn.ReqCapLen[i]), header: true);
                }
            }

            tmp[h++] = '}';
        }

        if (fe.ResponseCaptures.Count > 0 && h < TmpLine - 7)
        {
            tmp[h++] = ' ';
            tmp[h++] = '{';
            for (var i = 0; i < fe.ResponseCaptures.Count; i++)
            {
                if (i > 0)
                {
                    tmp[h++] = '|';
                }

                if (txn.RspCapLen[i] >= 0)
                {
                    h = Encode(tmp, h, TmpLine - 4, txn.RspCap[i].AsSpan(0, txn.RspCapLen[i]), header: true);
                }
            }

            tmp[h++] = '}';
        }

        if (h < TmpLine - 4)
        {
            tmp[h++] = ' ';
            tmp[h++] = '"';
            h = txn.UriLength >= 0
                ? Encode(tmp, h, TmpLine - 1, txn.Uri.AsSpan(0, txn.UriLength), header: false)
                : Encode(tmp, h, TmpLine - 1, "<BADREQ>"u8, header: false);
            tmp[h++] = '"';
        }

        w.Append(tmp[..h]);
        w.Append('\n');
    }

    /// <summary>The clf line (http_sess_clflog).</summary>
    public static void FormatClf(ref LineWriter w, Session s, int actconn)
    {
        ArgumentNullException.ThrowIfNull(s);
        var fe = s.Fe;
        var be = s.Be;
        var logs = s.Logs;
        var txn = s.Txn!;
        Timers(s, out var tq, out var tw, out var tc, out var tr);
        Span<char> tmp = stackalloc char[TmpLine];

        w.Append(s.ClientAddress.Address);
        w.Append(" - - [");
        var utc = DateTimeOffset.UnixEpoch.AddTicks(logs.AcceptDateUs * 10);
        w.AppendPadded(utc.Day, 2);
        w.Append('/');
        w.Append(Months[utc.Month - 1]);
        w.Append('/');
        w.AppendPadded(utc.Year, 4);
        w.Append(':');
        w.AppendPadded(utc.Hour, 2);
        w.Append(':');
        w.AppendPadded(utc.Minute, 2);
        w.Append(':');
        w.AppendPadded(utc.Second, 2);
        w.Append(" +0000] \"");
        var h = txn.UriLength >= 0
            ? Encode(tmp, 0, TmpLine - 1, txn.Uri.AsSpan(0, txn.UriLength), header: false)
            : Encode(tmp, 0, TmpLine - 1, "<BADREQ>"u8, header: false);
        w.Append(tmp[..h]);
        w.Append("\" ");
        w.Append(txn.Status);
        w.Append(' ');
        w.Append(logs.BytesOut);
        w.Append(" \"-\" \"-\" ");
        w.Append(s.ClientAddress.Port);
        w.Append(' ');
        w.AppendPadded((int)(logs.AcceptDateUs / 1000 % 1000), 3);
        w.Append(" \"");
        w.Append(fe.Name);
        w.Append("\" \"");
        w.Append(be.Name);
        w.Append("\" \"");
        w.Append(s.Srv is { } srv ? srv.Name : "<NOSRV>");
        w.Append("\" ");
        w.Append(tq);
        w.Append(' ');
        w.Append(tw);
        w.Append(' ');
        w.Append(tc);
        w.Append(' ');
        w.Append(tr);
        w.Append(' ');
        w.Append(logs.TClose);
        w.Append(" \"");
        w.Append(TcpLogFormatter.ErrChar(s.Err));
        w.Append(TcpLogFormatter.FinChar(s.Fin));
        AppendCookieFlags(ref w, s);
        w.Append("\" ");
        w.Append(actconn);
        w.Append(' ');
        w.Append(fe.FeConn);
        w.Append(' ');
        w.Append(be.BeConn);
        w.Append(' ');
        w.Append(s.Srv is { } srv2 ? srv2.CurSess : 0);
        w.Append(' ');
        w.Append(s.ConnRetries > 0 ? be.ConnRetries - s.ConnRetries : be.ConnRetries);
        w.Append(' ');
        w.Append(logs.SrvQueueSize);
        w.Append(' ');
        w.Append(logs.PrxQueueSize);
        w.Append(" \"");
        AppendCookie(ref w, txn.CliCookie, txn.CliCookieLength);
        w.Append("\" \"");
        AppendCookie(ref w, txn.SrvCookie, txn.SrvCookieLength);
        w.Append('"');
        for (var i = 0; i < fe.RequestCaptures.Count; i++)
        {
            w.Append(" \"");
            h = txn.ReqCapLen[i] >= 0 ? Encode(tmp, 0, TmpLine - 1, txn.ReqCap[i].AsSpan(0, txn.ReqCapLen[i]), header: true) : 0;
            if (txn.ReqCapLen[i] < 0)
            {
                tmp[h++] = '-';
            }

            w.Append(tmp[..h]);
            w.Append('"');
        }

        for (var i = 0; i < fe.ResponseCaptures.Count; i++)
        {
            w.Append(" \"");
            h = txn.RspCapLen[i] >= 0 ? Encode(tmp, 0, TmpLine - 1, txn.RspCap[i].AsSpan(0, txn.RspCapLen[i]), header: true) : 0;
            if (txn.RspCapLen[i] < 0)
            {
                tmp[h++] = '-';
            }

            w.Append(tmp[..h]);
            w.Append('"');
        }

        w.Append('\n');
    }

    /// <summary>A captured cookie as 1.4 prints it (%s, not encoded), or <c>-</c>.</summary>
    private static void AppendCookie(ref LineWriter w, byte[] value, int length)
    {
        if (length < 0)
        {
            w.Append('-');
            return;
        }

        Span<char> tmp = stackalloc char[Http.HttpTxn.CookieCaptureCapacity];
        var n = 0;
        foreach (var b in value.AsSpan(0, length))
        {
            if (b == 0)
            {
                break;
            }

            tmp[n++] = (char)b;
        }

        w.Append(tmp[..n]);
    }

    /// <summary>The 3rd and 4th termination characters: the cookie states when the backend has cookie options, else <c>--</c>.</summary>
    private static void AppendCookieFlags(ref LineWriter w, Session s)
    {
        if (s.Be.CookieOpts != Persistence.CookieOptions.None)
        {
            w.Append(Persistence.CookieLogChars.Request(s.Txn!.CookieState));
            w.Append(Persistence.CookieLogChars.Response(s.Txn.SetCookieState));
        }
        else
        {
            w.Append("--");
        }
    }

    /// <summary>Tq/Tw/Tc/Tr as 1.4 derives them (LOGGING.md §7).</summary>
    public static void Timers(Session s, out long tq, out long tw, out long tc, out long tr)
    {
        ArgumentNullException.ThrowIfNull(s);
        var logs = s.Logs;
        tq = logs.TvRequestUs != 0 && logs.TvRequestUs >= logs.TvAcceptUs
            ? Time.EngineClock.MsElapsed(logs.TvAcceptUs, logs.TvRequestUs)
            : -1;
        tw = logs.TQueue >= 0 ? logs.TQueue - tq : -1;
        tc = logs.TConnect >= 0 ? logs.TConnect - logs.TQueue : -1;
        tr = logs.TData >= 0 ? logs.TData - logs.TConnect : -1;
    }

    /// <summary>
    /// encode_string: copies <paramref name="src"/> from <paramref name="at"/>, escaping mapped bytes as #XX, and
    /// stops before <paramref name="stop"/> - 1 (1.4 keeps a byte for its terminator); a NUL ends the text.
    /// </summary>
    private static int Encode(Span<char> dst, int at, int stop, ReadOnlySpan<byte> src, bool header)
    {
        if (at >= stop)
        {
            return at;
        }

        stop--;
        foreach (var c in src)
        {
            if (at >= stop || c == 0)
            {
                break;
            }

            if (!IsMapped(c, header))
            {
                dst[at++] = (char)c;
            }
            else
            {
                if (at + 3 >= stop)
                {
                    break;
                }

                dst[at++] = '#';
                dst[at++] = "0123456789ABCDEF"[c >> 4];
                dst[at++] = "0123456789ABCDEF"[c & 15];
            }
        }

        return at;
    }

    private static bool IsMapped(byte c, bool header) =>
        c < 0x20 || c >= 0x7F || c == (byte)'"' || c == (byte)'#'
        || (header && (c == (byte)'{' || c == (byte)'|' || c == (byte)'}'));
}
