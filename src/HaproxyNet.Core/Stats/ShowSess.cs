using System.Globalization;
using System.Text;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Stats;

/// <summary>
/// <c>show sess [id]</c>: one line per live session, or the dump of one (STATS.md §3.2: the layout is internal to
/// HAProxy; HaproxyNet keeps its first fields — id, proto, src, fe, be, srv, age — and names its own states).
/// </summary>
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
        var one = id.Length > 0 && long.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out wanted) && wanted != 0;
        for (var s = loop.LiveSessions; s is not null; s = s.NextLive)
        {
            if (!one)
            {
                Line(o, loop, s);
            }
            else if (s.UniqId == wanted)
            {
                Dump(o, loop, s);
                return;
            }
        }

        if (one)
        {
            o.Append("Session not found.\n");
        }
    }

    private static void Line(StringBuilder o, EngineLoop loop, Session s)
    {
        var inv = CultureInfo.InvariantCulture;
        o.Append("0x").Append(s.UniqId.ToString("x", inv)).Append(": proto=")
            .Append(s.ClientAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "tcpv6" : "tcpv4")
            .Append(" src=").Append(s.ClientAddress.ToString())
            .Append(" fe=").Append(s.Fe.Name)
            .Append(" be=").Append(s.Has(SessionFlags.BeAssigned) ? s.Be.Name : "<NONE>")
            .Append(" srv=").Append(s.Srv?.Name ?? "<none>")
            .Append(" age=").Append(((loop.Clock.NowUs - s.CreatedUs) / 1_000_000).ToString(inv)).Append('s')
            .Append(" rq[l=").Append(s.Req.Length.ToString(inv)).Append(']')
            .Append(" rp[l=").Append(s.Rep.Length.ToString(inv)).Append(']')
            .Append(" s0=[").Append(s.Si0.State.ToString()).Append(']')
            .Append(" s1=[").Append(s.Si1.State.ToString()).Append("]\n");
    }

    private static void Dump(StringBuilder o, EngineLoop loop, Session s)
    {
        var inv = CultureInfo.InvariantCulture;
        o.Append("0x").Append(s.UniqId.ToString("x", inv)).Append(": id=").Append(s.UniqId.ToString(inv))
            .Append(" proto=").Append(s.ClientAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "tcpv6" : "tcpv4")
            .Append('\n')
            .Append("  flags=0x").Append(((int)s.Flags).ToString("x", inv)).Append(", conn_retries=").Append(s.ConnRetries.ToString(inv))
            .Append('\n')
            .Append("  frontend=").Append(s.Fe.Name).Append(" (id=").Append(s.Fe.Uuid.ToString(inv)).Append(") addr=")
            .Append(s.ClientAddress.ToString()).Append('\n')
            .Append("  backend=").Append(s.Has(SessionFlags.BeAssigned) ? s.Be.Name : "<NONE>")
            .Append(" (id=").Append(s.Be.Uuid.ToString(inv)).Append(")\n")
            .Append("  server=").Append(s.Srv?.Name ?? "<NONE>").Append('\n')
            .Append("  age=").Append(((loop.Clock.NowUs - s.CreatedUs) / 1_000_000).ToString(inv)).Append("s\n")
            .Append("  si[0]=").Append(s.Si0.State.ToString()).Append(" si[1]=").Append(s.Si1.State.ToString()).Append('\n')
            .Append("  req=(l=").Append(s.Req.Length.ToString(inv)).Append(" total=").Append(s.Req.Total.ToString(inv))
            .Append(") rep=(l=").Append(s.Rep.Length.ToString(inv)).Append(" total=").Append(s.Rep.Total.ToString(inv)).Append(")\n");
    }
}
