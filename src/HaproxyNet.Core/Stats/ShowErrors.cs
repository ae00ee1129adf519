using System.Globalization;
using System.Text;
using HaproxyNet.Core.Diagnostics;
using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.Stats;

/// <summary>
/// <c>show errors [&lt;iid&gt;]</c>: the number of snapshots taken, then each proxy's last invalid request and
/// response (<see cref="ErrorSnapshot"/>) with the copied bytes dumped as escaped text, in 1.4.25's layout.
/// </summary>
public static class ShowErrors
{
    /// <summary>At most this many output characters per dump line (1.4's line width).</summary>
    private const int LineWidth = 70;

    /// <summary>Writes the report; <paramref name="iidArg"/> (atoi'd, empty = all) keeps the proxy with this id or whose other end has it.</summary>
    public static void Write(StringBuilder o, EngineLoop loop, string iidArg)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(iidArg);
        var iid = iidArg.Length > 0 ? StatsCli.Atoi(iidArg) : -1;
        o.Append("Total events captured on [");
        AppendDate(o, loop, loop.Clock.DateUs);
        o.Append("] : ").Append(loop.ErrorSnapshotId.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var px in loop.Proxies)
        {
            Entry(o, loop, px, px.InvalidReq, request: true, iid);
            Entry(o, loop, px, px.InvalidRep, request: false, iid);
        }
    }

    private static void Entry(StringBuilder o, EngineLoop loop, Proxy px, ErrorSnapshot es, bool request, int iid)
    {
        if (!es.Captured || es.OtherEnd is not { } oe)
        {
            return;
        }

        if (iid >= 0 && px.Uuid != iid && oe.Uuid != iid)
        {
            return;
        }

        var inv = CultureInfo.InvariantCulture;
        o.Append(" \n[");
        AppendDate(o, loop, es.DateUs);
        o.Append(']');
        Span<char> addr = stackalloc char[InetNtop.MaxLength];
        var src = addr[..InetNtop.Format(es.Source, addr)];
        var srvName = es.Server?.Name ?? "<NONE>";
        var srvId = es.Server?.Puid ?? -1;
        if (request)
        {
            o.Append(" frontend ").Append(px.Name).Append(" (#").Append(px.Uuid.ToString(inv)).Append("): invalid request\n")
                .Append("  src ").Append(src).Append(", session #").Append(es.SessionId.ToString(inv))
                .Append(", backend ").Append(oe.IsBackend ? oe.Name : "<NONE>")
                .Append(" (#").Append((oe.IsBackend ? oe.Uuid : -1).ToString(inv)).Append(')');
        }
        else
        {
            o.Append(" backend ").Append(px.Name).Append(" (#").Append(px.Uuid.ToString(inv)).Append(") : invalid response\n")
                .Append("  src ").Append(src).Append(", session #").Append(es.SessionId.ToString(inv))
                .Append(", frontend ").Append(oe.Name).Append(" (#").Append(oe.Uuid.ToString(inv)).Append(')');
        }

        o.Append(", server ").Append(srvName).Append(" (#").Append(srvId.ToString(inv)).Append(")\n")
            .Append("  HTTP internal state ").Append(((int)es.State).ToString(inv))
            .Append(", buffer flags 0x").Append(es.BufferFlags.ToString("x8", inv))
            .Append(", event #").Append(es.EventId.ToString(inv)).Append('\n')
            .Append(request ? "  request length " : "  response length ").Append(es.Length.ToString(inv))
            .Append(" bytes, error at position ").Append(es.Position.ToString(inv)).Append(":\n \n");
        DumpText(o, es.Bytes.AsSpan(0, es.Copied));
    }

    /// <summary>
    /// The bytes as lines of at most <see cref="LineWidth"/> output characters: <c>"  %05d  text\n"</c>, where a line
    /// that continues a cut one has <c>+</c> after its offset; each source line ends after its LF. Printable ASCII
    /// is kept (backslash doubled), <c>\t \n \r \e</c> are written as C escapes, other bytes as <c>\xHH</c>.
    /// </summary>
    internal static void DumpText(StringBuilder o, ReadOnlySpan<byte> data)
    {
        var i = 0;
        var continued = false;
        while (i < data.Length)
        {
            o.Append("  ").Append(i.ToString("D5", CultureInfo.InvariantCulture)).Append(continued ? '+' : ' ').Append(' ');
            var width = 0;
            continued = false;
            while (i < data.Length)
            {
                var b = data[i];
                var w = b is (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x1b or (byte)'\\' ? 2 : b is >= 0x20 and < 0x7f ? 1 : 4;
                if (width + w > LineWidth)
                {
                    continued = true;
                    break;
                }

                AppendEscaped(o, b);
                width += w;
                i++;
                if (b == (byte)'\n')
                {
                    break;
                }
            }

            o.Append('\n');
        }
    }

    private static void AppendEscaped(StringBuilder o, byte b)
    {
        switch (b)
        {
            case (byte)'\t':
                o.Append("\\t");
                return;
            case (byte)'\n':
                o.Append("\\n");
                return;
            case (byte)'\r':
                o.Append("\\r");
                return;
            case 0x1b:
                o.Append("\\e");
                return;
            case (byte)'\\':
                o.Append("\\\\");
                return;
        }

        if (b is >= 0x20 and < 0x7f)
        {
            o.Append((char)b);
        }
        else
        {
            o.Append("\\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
    }

    internal static void AppendDate(StringBuilder o, EngineLoop loop, long dateUs)
    {
        var utc = DateTimeOffset.FromUnixTimeMilliseconds(dateUs / 1000);
        var local = TimeZoneInfo.ConvertTime(utc, loop.Global.TimeZone);
        o.Append(local.ToString("dd/MMM/yyyy:HH:mm:ss.fff", CultureInfo.InvariantCulture));
    }
}
