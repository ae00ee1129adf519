using System.Globalization;
using System.Net.Sockets;
using System.Text;
using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Diagnostics;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.StreamInterfaces;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Stats;

/// <summary>
/// <c>show sess</c>: one line per live session, and <c>show sess &lt;id&gt;</c>: the dump of one, in 1.4.25's
/// layout. Values are HaproxyNet's own, expressed as 1.4 prints them: buffer flags at their <c>BF_*</c> bits,
/// analysers at their <c>AN_*</c> bits, task state at its <c>TASK_*</c> bits, times as 1.4's <c>human_time</c>.
/// </summary>
/// <remarks>
/// Differences that remain: 1.4 names a session by its address and prints the addresses of its parts
/// (task, stream interfaces, buffers); HaproxyNet has none to show, so the session's handle is <c>0x</c> and its
/// id in hexadecimal (what <c>show sess &lt;id&gt;</c> takes) and every other pointer field prints that handle,
/// or <c>(nil)</c> when the part is absent. Stats socket connections are not sessions here, so the line 1.4
/// prints for the asking CLI connection (<c>proto=unix_stream</c>) is missing.
/// </remarks>
public static class ShowSess
{
    /// <summary>Writes the list, or the session whose id is <paramref name="id"/> (hexadecimal, <c>0x</c> optional).</summary>
    public static void Write(StringBuilder o, EngineLoop loop, string id)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(id);
        var hex = id.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? id[2..] : id;
        var wanted = 0L;
        var one = id.Length > 0 && long.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out wanted);
        if (one)
        {
            for (var s = loop.LiveSessions; s is not null; s = s.NextLive)
            {
                if (s.UniqId == wanted)
                {
                    Dump(o, loop, s);
                    return;
                }
            }

            o.Append("Session not found.\n");
            return;
        }

        // The live list is newest first; 1.4 lists the oldest first.
        var all = new List<Session>();
        for (var s = loop.LiveSessions; s is not null; s = s.NextLive)
        {
            all.Add(s);
        }

        for (var i = all.Count - 1; i >= 0; i--)
        {
            Line(o, loop, all[i]);
        }
    }

    private static void Line(StringBuilder o, EngineLoop loop, Session s)
    {
        var inv = CultureInfo.InvariantCulture;
        var now = loop.Clock.NowMs;
        Handle(o, s).Append(": proto=").Append(Proto(s)).Append(" src=");
        Address(o, s).Append(':').Append(s.ClientAddress.Port.ToString(inv))
            .Append(" fe=").Append(s.Fe.Name)
            .Append(" be=").Append(s.Be.IsBackend ? s.Be.Name : "<NONE>")
            .Append(" srv=").Append(s.Srv?.Name ?? "<none>")
            .Append(" ts=").Append(TaskState(s).ToString("x2", inv))
            .Append(" age=").Append(HumanTime(AgeSeconds(loop, s) * 1000))
            .Append(" calls=").Append(s.Task.Calls.ToString(inv));
        BufferShort(o, " rq[", s.Req, RequestAnalysers(s.Req.Analysers), now);
        BufferShort(o, " rp[", s.Rep, ResponseAnalysers(s.Rep.Analysers), now);
        SiShort(o, " s0=[", s.Si0, now);
        SiShort(o, " s1=[", s.Si1, now);
        o.Append(" exp=").Append(Ticks.IsSet(s.Task.Expire) ? HumanTime(unchecked(s.Task.Expire - now)) : string.Empty);
        if (s.Task.IsRunning)
        {
            o.Append(" run(nice=").Append(s.Task.Nice.ToString(inv)).Append(')');
        }

        o.Append('\n');
    }

    private static void BufferShort(StringBuilder o, string head, Channel c, int an, int now)
    {
        var inv = CultureInfo.InvariantCulture;
        o.Append(head).Append("f=").Append(ErrorSnapshot.LegacyBufferFlags(c).ToString("x6", inv)).Append("h,l=")
            .Append(c.Length.ToString(inv)).Append(",an=").Append(an.ToString("x2", inv)).Append("h,rx=")
            .Append(Expiry(c.Rex, now, string.Empty)).Append(",wx=").Append(Expiry(c.Wex, now, string.Empty))
            .Append(",ax=").Append(Expiry(c.AnalyseExp, now, string.Empty)).Append(']');
    }

    private static void SiShort(StringBuilder o, string head, StreamInterface si, int now)
    {
        var inv = CultureInfo.InvariantCulture;
        o.Append(head).Append(((int)si.State).ToString(inv)).Append(',').Append(((int)si.Flags).ToString("x", inv))
            .Append("h,fd=").Append((si.Connection?.Fd ?? -1).ToString(inv)).Append(",ex=")
            .Append(Expiry(si.Exp, now, string.Empty)).Append(']');
    }

    private static void Dump(StringBuilder o, EngineLoop loop, Session s)
    {
        var inv = CultureInfo.InvariantCulture;
        var now = loop.Clock.NowMs;
        Handle(o, s).Append(": id=").Append(s.UniqId.ToString(inv)).Append(", proto=").Append(Proto(s)).Append(" source=");
        Address(o, s).Append(':').Append(s.ClientAddress.Port.ToString(inv)).Append('\n');

        o.Append("  flags=0x").Append(SessionFlagBits(s.Flags).ToString("x", inv))
            .Append(", conn_retries=").Append(s.ConnRetries.ToString(inv)).Append(", srv_conn=");
        Pointer(o, s, s.SrvConn is not null).Append(", pend_pos=");
        Pointer(o, s, s.PendPos is not null).Append('\n');

        o.Append("  frontend=").Append(s.Fe.Name).Append(" (id=").Append(s.Fe.Uuid.ToString(inv)).Append(" mode=")
            .Append(Mode(s.Fe)).Append("), listener=? (id=").Append(s.Listener.Luid.ToString(inv)).Append(")\n");
        if (s.Be.IsBackend)
        {
            o.Append("  backend=").Append(s.Be.Name).Append(" (id=").Append(s.Be.Uuid.ToString(inv)).Append(" mode=")
                .Append(Mode(s.Be)).Append(')');
        }
        else
        {
            o.Append("  backend=<NONE> (id=-1 mode=-)");
        }

        o.Append(" server=").Append(s.Srv?.Name ?? "<none>").Append(" (id=")
            .Append((s.Srv?.Puid ?? 0).ToString(inv)).Append(")\n");

        o.Append("  task=");
        Handle(o, s).Append(" (state=0x").Append(TaskState(s).ToString("x2", inv)).Append(" nice=")
            .Append(s.Task.Nice.ToString(inv)).Append(" calls=").Append(s.Task.Calls.ToString(inv)).Append(" exp=")
            .Append(Expiry(s.Task.Expire, now, "<NEVER>")).Append(s.Task.IsRunning ? " running" : string.Empty).Append(")\n");

        var created = loop.Clock.DateUs - (loop.Clock.NowUs - s.CreatedUs);
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(created / 1000), loop.Global.TimeZone);
        o.Append("  task created [").Append(local.ToString("dd/MMM/yyyy:HH:mm:ss", inv)).Append('.')
            .Append((created % 1_000_000).ToString("D6", inv)).Append("] (age=")
            .Append(HumanTime(AgeSeconds(loop, s) * 1000)).Append(")\n");

        SiLong(o, s, "  si[0]=", s.Si0, now);
        SiLong(o, s, "  si[1]=", s.Si1, now);

        var txn = s.Txn;
        o.Append("  txn=");
        Handle(o, s).Append(" (flags=0x").Append(((int)(txn?.Flags ?? 0)).ToString("x", inv))
            .Append(" meth=").Append(((int)(txn?.Meth ?? 0)).ToString(inv))
            .Append(" status=").Append((txn?.Status ?? -1).ToString(inv))
            .Append(" req.st=").Append(((int)(txn?.Req.State ?? 0)).ToString(inv))
            .Append(" rsp.st=").Append(((int)(txn?.Rsp.State ?? 0)).ToString(inv)).Append(")\n");

        BufferLong(o, s, "  req=", s.Req, RequestAnalysers(s.Req.Analysers), txn?.Req.Next, now);
        BufferLong(o, s, "  res=", s.Rep, ResponseAnalysers(s.Rep.Analysers), txn?.Rsp.Next, now);
    }

    private static void SiLong(StringBuilder o, Session s, string head, StreamInterface si, int now)
    {
        var inv = CultureInfo.InvariantCulture;
        o.Append(head);
        Handle(o, s).Append(" (state=").Append(((int)si.State).ToString(inv)).Append(" flags=0x")
            .Append(((int)si.Flags).ToString("x2", inv)).Append(" fd=").Append((si.Connection?.Fd ?? -1).ToString(inv))
            .Append(" exp=").Append(Expiry(si.Exp, now, "<NEVER>")).Append(", et=0x")
            .Append(((int)si.ErrType).ToString("x3", inv)).Append(")\n");
    }

    private static void BufferLong(StringBuilder o, Session s, string head, Channel c, int an, int? parsed, int now)
    {
        var inv = CultureInfo.InvariantCulture;
        o.Append(head);
        Handle(o, s).Append(" (f=0x").Append(ErrorSnapshot.LegacyBufferFlags(c).ToString("x6", inv)).Append(" an=0x")
            .Append(an.ToString("x", inv)).Append(" l=").Append(c.Length.ToString(inv)).Append(" sndmx=")
            .Append(c.SendMax.ToString(inv)).Append(" pipe=").Append(c.PipeData.ToString(inv)).Append(" fwd=")
            .Append((c.ToForward >= int.MaxValue ? -1 : c.ToForward).ToString(inv)).Append(")\n")
            .Append("      an_exp=").Append(Expiry(c.AnalyseExp, now, "<NEVER>")).Append(" rex=")
            .Append(Expiry(c.Rex, now, "<NEVER>")).Append(" wex=").Append(Expiry(c.Wex, now, "<NEVER>")).Append('\n')
            .Append("      data=");
        var w = c.Head;
        var lr = parsed is { } p && p >= 0 && p <= c.Length ? w + p : w + c.Length;
        Handle(o, s).Append(" r=").Append((w + c.Length).ToString(inv)).Append(" w=").Append(w.ToString(inv))
            .Append(" lr=").Append(lr.ToString(inv)).Append(" total=").Append(c.Total.ToString(inv)).Append('\n');
    }

    private static StringBuilder Handle(StringBuilder o, Session s) =>
        o.Append("0x").Append(s.UniqId.ToString("x", CultureInfo.InvariantCulture));

    private static StringBuilder Pointer(StringBuilder o, Session s, bool present) =>
        present ? Handle(o, s) : o.Append("(nil)");

    private static StringBuilder Address(StringBuilder o, Session s)
    {
        Span<char> text = stackalloc char[InetNtop.MaxLength];
        return o.Append(text[..InetNtop.Format(s.ClientAddress.Address, text)]);
    }

    private static string Proto(Session s) =>
        s.ClientAddress.AddressFamily == AddressFamily.InterNetworkV6 ? "tcpv6" : "tcpv4";

    private static string Mode(Proxy px) => px.Mode switch
    {
        ProxyMode.Http => "http",
        ProxyMode.Health => "health",
        _ => "tcp",
    };

    private static long AgeSeconds(EngineLoop loop, Session s) => Math.Max(0, (loop.Clock.NowUs - s.CreatedUs) / 1_000_000);

    private static string Expiry(int tick, int now, string never) =>
        Ticks.IsSet(tick) ? HumanTime(unchecked(tick - now)) : never;

    /// <summary>1.4's <c>t-&gt;state</c>: TASK_RUNNING 0x01, then the wake-up reasons from TASK_WOKEN_INIT 0x02 up.</summary>
    private static int TaskState(Session s) => (s.Task.IsRunning ? 1 : 0) | ((int)s.Task.Woken << 1);

    /// <summary>The session flags at 1.4's <c>SN_*</c> values (the first seven are the same bits).</summary>
    internal static int SessionFlagBits(SessionFlags f)
    {
        var bits = (int)f & 0x7f;
        bits |= (f & SessionFlags.Redisp) != 0 ? 0x100 : 0;
        bits |= (f & SessionFlags.Redirectable) != 0 ? 0x400 : 0;
        return bits;
    }

    /// <summary>Request analysers at 1.4.25's <c>AN_REQ_*</c> bits.</summary>
    internal static int RequestAnalysers(int an)
    {
        var bits = an & 0xff; // INSPECT, WAIT_HTTP, HTTP_PROCESS_FE, SWITCHING_RULES, HTTP_PROCESS_BE, HTTP_INNER, TARPIT, HTTP_BODY
        bits |= (an & Analysers.ReqStickingRules) != 0 ? 0x100 : 0;
        bits |= (an & Analysers.ReqPrstRdpCookie) != 0 ? 0x400 : 0;
        bits |= (an & Analysers.ReqHttpXferBody) != 0 ? 0x800 : 0;
        return bits;
    }

    /// <summary>Response analysers at 1.4.25's <c>AN_RES_*</c> bits.</summary>
    internal static int ResponseAnalysers(int an)
    {
        var bits = 0;
        bits |= (an & Analysers.ResWaitHttp) != 0 ? 0x20000 : 0;
        bits |= (an & Analysers.ResHttpProcessBe) != 0 ? 0x40000 : 0;
        bits |= (an & Analysers.ResStoreRules) != 0 ? 0x80000 : 0;
        bits |= (an & Analysers.ResHttpXferBody) != 0 ? 0x100000 : 0;
        return bits;
    }

    /// <summary>
    /// 1.4's <c>human_time</c> of a duration in milliseconds, rounded up to the second: the two largest non-zero
    /// units among days, hours, minutes, seconds (<c>0s</c> for zero, <c>?</c> when negative).
    /// </summary>
    internal static string HumanTime(long ms)
    {
        if (ms < 0)
        {
            return "?";
        }

        var t = (ms + 999) / 1000;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var left = 2;
        if (t >= 86400)
        {
            sb.Append((t / 86400).ToString(inv)).Append('d');
            left--;
        }

        if (left > 0 && t % 86400 / 3600 != 0)
        {
            sb.Append((t % 86400 / 3600).ToString(inv)).Append('h');
            left--;
        }

        if (left > 0 && t % 3600 / 60 != 0)
        {
            sb.Append((t % 3600 / 60).ToString(inv)).Append('m');
            left--;
        }

        if ((left > 0 && t % 60 != 0) || t == 0)
        {
            sb.Append((t % 60).ToString(inv)).Append('s');
        }

        return sb.ToString();
    }
}
