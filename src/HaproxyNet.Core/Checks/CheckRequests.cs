using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.Checks;

/// <summary>The bytes a check sends after connecting (CHECKS.md §5; captured from 1.4.25).</summary>
public static class CheckRequests
{
    /// <summary>Offset of the 4-byte GMT time in the SSLv3 ClientHello.</summary>
    public const int SslTimeOffset = 11;

    /// <summary>The SSLv3 ClientHello template of <c>option ssl-hello-chk</c> (126 bytes, time field zero).</summary>
    public static byte[] SslClientHello()
    {
        var b = new List<byte>(126)
        {
            0x16, 0x03, 0x00, 0x00, 0x79, // record: handshake, SSLv3, 0x79 bytes
            0x01, 0x00, 0x00, 0x75, // ClientHello, 0x75 bytes
            0x03, 0x00, // version SSLv3
            0x00, 0x00, 0x00, 0x00, // gmt_unix_time, filled at send time
        };
        b.AddRange(Encoding.ASCII.GetBytes("HAPROXYSSLCHK\nHAPROXYSSLCHK\n"));
        b.Add(0x00); // no session id
        b.Add(0x00);
        b.Add(0x4E); // 39 cipher suites
        for (var c = 0x01; c <= 0x1B; c++)
        {
            b.Add(0x00);
            b.Add((byte)c);
        }

        for (var c = 0x2F; c <= 0x3A; c++)
        {
            b.Add(0x00);
            b.Add((byte)c);
        }

        b.Add(0x01); // one compression method
        b.Add(0x00); // null
        return [.. b];
    }

    /// <summary>The anonymous LDAPv3 bind request of <c>option ldap-check</c>.</summary>
    public static byte[] LdapBind() => [0x30, 0x0c, 0x02, 0x01, 0x01, 0x60, 0x07, 0x02, 0x01, 0x03, 0x04, 0x00, 0x80, 0x00];

    /// <summary>
    /// <c>option mysql-check user &lt;u&gt;</c>: a client authentication packet (length len(u)+7, sequence 1,
    /// capabilities 0x8000, max packet 0x010000, the user, NUL, empty scramble) then COM_QUIT; empty without a user.
    /// </summary>
    public static byte[] MysqlAuth(string? user)
    {
        if (string.IsNullOrEmpty(user))
        {
            return [];
        }

        var u = Encoding.Latin1.GetBytes(user);
        var len = u.Length + 7;
        var b = new byte[4 + len + 5];
        b[0] = (byte)len;
        b[1] = (byte)(len >> 8);
        b[2] = (byte)(len >> 16);
        b[3] = 0x01;
        b[4] = 0x00;
        b[5] = 0x80;
        b[6] = 0x00;
        b[7] = 0x00;
        b[8] = 0x01;
        u.CopyTo(b, 9);
        b[9 + u.Length] = 0x00;
        b[10 + u.Length] = 0x00;
        var q = 4 + len;
        b[q] = 0x01;
        b[q + 1] = 0x00;
        b[q + 2] = 0x00;
        b[q + 3] = 0x00;
        b[q + 4] = 0x01;
        return b;
    }

    /// <summary>
    /// The request to send now: HTTP gets the send-state header (if asked) and the final CRLF; SSL gets the current
    /// wall-clock time; the others are sent as configured.
    /// </summary>
    public static byte[] Build(EngineLoop loop, Server s, CheckSettings settings)
    {
        switch (settings.Kind)
        {
            case CheckKind.SslHello:
                var hello = (byte[])settings.Request.Clone();
                BinaryPrimitives.WriteUInt32BigEndian(hello.AsSpan(SslTimeOffset), unchecked((uint)(loop.Clock.DateUs / 1_000_000)));
                return hello;
            case CheckKind.Http:
                var text = new StringBuilder();
                if (settings.SendState)
                {
                    AppendStatusHeader(text, loop, s);
                }

                text.Append("\r\n");
                var tail = Encoding.Latin1.GetBytes(text.ToString());
                var req = new byte[settings.Request.Length + tail.Length];
                settings.Request.CopyTo(req, 0);
                tail.CopyTo(req, settings.Request.Length);
                return req;
            default:
                return settings.Request;
        }
    }

    /// <summary>
    /// httpchk_build_status_header: <c>X-Haproxy-Server-State: &lt;state&gt;; name=px/srv; node=..; weight=w/tw;
    /// scur=cur/becur; qcur=q[; throttle=p%]</c> and its CRLF.
    /// </summary>
    public static void AppendStatusHeader(StringBuilder b, EngineLoop loop, Server s)
    {
        var inv = CultureInfo.InvariantCulture;
        b.Append("X-Haproxy-Server-State: ");
        var a = s.IsRunning ? s.Health - s.Rise + 1 : s.Health;
        var n = s.IsRunning ? s.Fall : s.Rise;
        if (!s.Checked)
        {
            b.Append("no check");
        }
        else if (s.IsRunning)
        {
            var word = (s.State & ServerState.GoingDown) != 0 ? "NOLB" : "UP";
            if (s.Health == s.Rise + s.Fall - 1)
            {
                b.Append(word);
            }
            else
            {
                b.Append(inv, $"{word} {a}/{n}");
            }
        }
        else if (s.Health != 0)
        {
            b.Append(inv, $"DOWN {a}/{n}");
        }
        else
        {
            b.Append("DOWN");
        }

        var lb = s.Proxy.Lb;
        var wmult = lb?.WMult ?? 1;
        var wdiv = lb?.WDiv ?? 1;
        var w = ((s.EWeight * wmult) + wdiv - 1) / wdiv;
        var tw = (((lb?.TotWeight ?? 0) * wmult) + wdiv - 1) / wdiv;
        var px = s.Proxy;
        b.Append(inv, $"; name={px.Name}/{s.Name}; node={loop.Global.Node}; weight={w}/{tw}; scur={s.CurSess}/{px.BeConn - px.NbPend}; qcur={s.NbPend}");
        var now = loop.Clock.NowSeconds;
        if ((s.State & ServerState.WarmingUp) != 0 && now < s.LastChangeSeconds + s.SlowStartSeconds && now >= s.LastChangeSeconds)
        {
            var ratio = Math.Max(1, (int)(100 * (now - s.LastChangeSeconds) / s.SlowStartSeconds));
            b.Append(inv, $"; throttle={ratio}%");
        }

        b.Append("\r\n");
    }
}
