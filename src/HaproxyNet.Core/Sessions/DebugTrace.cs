using System.Buffers;
using HaproxyNet.Core.Diagnostics;
using HaproxyNet.Core.StreamInterfaces;

namespace HaproxyNet.Core.Sessions;

/// <summary>
/// The per-session lines of debug mode (<c>-d</c>) on stdout, byte for byte as 1.4.25 prints them (CLI.md §5):
/// <c>accept</c>, then <c>srvcls</c>/<c>clicls</c> when a side closes, then <c>closed</c>.
/// </summary>
/// <remarks>
/// HAProxy 1.4 <c>event_accept</c> (src/client.c) and <c>process_session</c> (src/session.c). Ids are
/// <c>%08x</c> of <c>uniq_id</c>, descriptors <c>%04x</c> of <c>(unsigned short)si-&gt;fd</c>. Callers test
/// <see cref="EngineLoop.DebugOutput"/> first, so nothing runs when debug mode is off. HTTP mode's
/// <c>debug_hdr</c> lines (clireq/clihdr/srvrep/srvhdr) share the <see cref="AppendEvent"/> prefix, followed by
/// <c>": "</c> and the line as received.
/// </remarks>
public static class DebugTrace
{
    /// <summary>Room for everything but the proxy name: id, tags, four descriptors, an IPv6 address and port.</summary>
    private const int Overhead = 128;
    private const int StackBytes = 256;

    /// <summary><c>&lt;id&gt;:&lt;frontend&gt;.accept(&lt;listener fd&gt;)=&lt;client fd&gt; from [&lt;ip&gt;:&lt;port&gt;]</c>.</summary>
    /// <remarks>Printed in event_accept right after the optional "Connect from" log of the session.</remarks>
    public static void Accept(IDebugOutput output, Session s)
    {
        var size = s.Fe.Name.Length + Overhead;
        byte[]? rented = null;
        Span<byte> buffer = size <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            var w = new DebugLineWriter(buffer);
            w.AppendHex((uint)s.UniqId, 8);
            w.Append((byte)':');
            w.AppendLatin1(s.Fe.Name);
            w.Append(".accept("u8);
            w.AppendFd(s.Listener.Fd);
            w.Append(")="u8);
            w.AppendFd(s.Si0.Fd);
            w.Append(" from ["u8);
            w.Append(s.ClientAddress.Address);
            w.Append((byte)':');
            w.Append(s.ClientAddress.Port);
            w.Append("]\n"u8);
            output.Write(w.Written);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// End of a process_session run that did not converge on an ending session yet: <c>srvcls</c> if the server side
    /// went from EST to CLO during the run, then <c>clicls</c> for the client side (server first when both did).
    /// </summary>
    public static void Closes(IDebugOutput output, Session s)
    {
        if (s.Si1.State == SiState.Clo && s.Si1.PrevState == SiState.Est)
        {
            Event(output, s, "srvcls"u8);
        }

        if (s.Si0.State == SiState.Clo && s.Si0.PrevState == SiState.Est)
        {
            Event(output, s, "clicls"u8);
        }
    }

    /// <summary><c>&lt;id&gt;:&lt;backend&gt;.closed[&lt;cfd&gt;:&lt;sfd&gt;]</c>, before t_close is stamped and the final log sent.</summary>
    public static void Closed(IDebugOutput output, Session s) => Event(output, s, "closed"u8);

    /// <summary>
    /// <c>&lt;id&gt;:&lt;backend&gt;.&lt;tag&gt;[&lt;cfd&gt;:&lt;sfd&gt;]</c>: the prefix every line but accept shares. The
    /// backend is the session's at that moment (the frontend until the switching rules chose one).
    /// </summary>
    public static void AppendEvent(ref DebugLineWriter w, Session s, scoped ReadOnlySpan<byte> tag)
    {
        w.AppendHex((uint)s.UniqId, 8);
        w.Append((byte)':');
        w.AppendLatin1(s.Be.Name);
        w.Append((byte)'.');
        w.Append(tag);
        w.Append((byte)'[');
        w.AppendFd(s.Si0.Fd);
        w.Append((byte)':');
        w.AppendFd(s.Si1.Fd);
        w.Append((byte)']');
    }

    private static void Event(IDebugOutput output, Session s, ReadOnlySpan<byte> tag)
    {
        var size = s.Be.Name.Length + Overhead;
        byte[]? rented = null;
        Span<byte> buffer = size <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            var w = new DebugLineWriter(buffer);
            AppendEvent(ref w, s, tag);
            w.Append((byte)'\n');
            output.Write(w.Written);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
