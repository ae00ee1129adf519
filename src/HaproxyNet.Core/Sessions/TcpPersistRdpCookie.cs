using System.Buffers.Binary;
using System.Net.Sockets;
using HaproxyNet.Core.Acl;
using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Sessions;

/// <summary>
/// AN_REQ_PRST_RDP_COOKIE (1.4.25's <c>tcp_persist_rdp_cookie</c>, <c>persist rdp-cookie[(name)]</c>): the RDP
/// cookie <c>msts=&lt;addr&gt;.&lt;port&gt;.&lt;reserved&gt;</c> names a server by its address, both numbers written
/// as the decimal value of their bytes in network order read as a little-endian integer (as 1.4 stores them into
/// <c>sin_addr.s_addr</c> / <c>sin_port</c> on x86).
/// </summary>
/// <remarks>
/// A server with that address and port that is running (or any, with <c>option persist</c>) makes the session
/// DIRECT. A cookie still incomplete, empty or malformed leaves the session to the load balancer. Runs once.
/// </remarks>
public sealed class TcpPersistRdpCookie : IAnalyser
{
    public static readonly TcpPersistRdpCookie Instance = new();

    private TcpPersistRdpCookie()
    {
    }

    /// <inheritdoc/>
    public bool Analyse(Session session, Channel channel, int anBit)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(channel);
        var s = session;
        var px = s.Be;
        if (!s.Has(SessionFlags.Assigned) && px.PersistRdpCookie is { } name
            && SessionAclEvaluator.ReadRdpCookie(channel.GetReadSpan(), name, out var value) == SessionAclEvaluator.Fetch.Found
            && !value.IsEmpty
            && TryParse(value, out var addr, out var port))
        {
            Span<byte> bytes = stackalloc byte[4];
            foreach (var srv in px.Servers)
            {
                var ep = srv.Address;
                if (ep is null || ep.AddressFamily != AddressFamily.InterNetwork || ep.Port != port)
                {
                    continue;
                }

                if (!ep.Address.TryWriteBytes(bytes, out _) || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != addr)
                {
                    continue;
                }

                if ((srv.State & ServerState.Running) != 0 || px.Has(ProxyOptions.Persist))
                {
                    s.Flags |= SessionFlags.Direct | SessionFlags.Assigned;
                    s.Srv = srv;
                    break;
                }
            }
        }

        channel.Analysers &= ~anBit;
        channel.AnalyseExp = Ticks.Eternity;
        return true;
    }

    /// <summary>strtoul(value, 10) '.' strtoul '.': the address (as 1.4 stores it) and the port in host order.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out uint addr, out int port)
    {
        addr = 0;
        port = 0;
        var p = 0;
        var a = StrToUl(value, ref p);
        if (p >= value.Length || value[p] != (byte)'.')
        {
            return false;
        }

        p++;
        var raw = (ushort)StrToUl(value, ref p);
        if (p >= value.Length || value[p] != (byte)'.')
        {
            return false;
        }

        addr = (uint)a;
        port = (ushort)((raw >> 8) | (raw << 8)); // sin_port holds network order
        return true;
    }

    private static ulong StrToUl(ReadOnlySpan<byte> s, ref int p)
    {
        while (p < s.Length && s[p] is (byte)' ' or (byte)'\t')
        {
            p++;
        }

        ulong v = 0;
        while (p < s.Length && s[p] is >= (byte)'0' and <= (byte)'9')
        {
            v = unchecked((v * 10) + (ulong)(s[p] - '0'));
            p++;
        }

        return v;
    }
}
