using System.Text;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Http;

/// <summary>
/// <c>http-send-name-header NAME</c> (1.4's <c>http_send_name_header</c>): once the connection setup has chosen a
/// server (process_session, after the REQ/QUE/TAR/ASS loop; again on each later pass while it is not connected,
/// so a retry or redispatch names the final server), every <c>NAME</c> header of the request is removed and
/// <c>NAME: &lt;server name&gt;</c> appended after the last header.
/// </summary>
/// <remarks>
/// The request headers are already scheduled for sending (XFER_BODY ran before the connect step); they are taken
/// back, edited and scheduled again with the size change, as 1.4.25 adjusts <c>send_max</c>. When the line does not
/// fit (1.4's <c>buffer_insert_line2</c> wants one byte to spare in the buffer), the old headers are removed and
/// nothing is added. The added line is not a client header: <c>-d</c> does not print it (1.4 neither), captures
/// and the log never see it, and it does not count in the logged request bytes. Not done: 1.4.25 forgets to move
/// its forwarding start (<c>som</c>) by the size change, so on a keep-alive (http-server-close) connection the
/// next request is mangled (its first bytes forwarded blindly, then again); the request after the next is sane.
/// HaproxyNet forwards every request as its own.
/// </remarks>
public static class HttpSendNameHeader
{
    /// <summary>Longest header line built on the stack (1.4 cuts the server name at its trash size).</summary>
    private const int MaxLine = 1024;

    /// <summary>The process_session step: rewrites the header when it applies (HTTP backend, header set, server).</summary>
    public static void Apply(Session s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Be.SendNameHeader is not { } name || s.Srv is not { } srv || !s.Has(SessionFlags.BeAssigned)
            || s.Be.Mode != Proxies.ProxyMode.Http || s.Txn is not { } txn || !txn.Req.HeadersComplete
            || s.Si1.State == StreamInterfaces.SiState.Clo)
        {
            // CLO: no connection will carry the request (server redirect, 503, retries exhausted), whose buffer may
            // be gone already; 1.4 rewrites it anyway, which nobody can see.
            return;
        }

        var req = s.Req;
        var msg = txn.Req;
        var idx = txn.ReqIdx;
        txn.Rebase(req, isRequest: true);
        if (msg.Eoh >= req.Length)
        {
            return; // the header block is no longer all in the buffer (never seen: nothing is sent before connect)
        }

        var scheduled = req.Unschedule();
        var oldEoh = msg.Eoh;
        var ctx = default(HdrCtx);
        while (HttpHeaderOps.Find(req.GetDataSpan(), msg, idx, name, ref ctx))
        {
            HttpHeaderOps.RemoveValue(req, msg, idx, ref ctx);
        }

        Span<byte> line = stackalloc byte[MaxLine];
        name.CopyTo(line);
        var n = name.Length;
        line[n++] = (byte)':';
        line[n++] = (byte)' ';
        var nameLen = Math.Min(srv.Name.Length, MaxLine - n);
        n += Encoding.Latin1.GetBytes(srv.Name.AsSpan(0, nameLen), line[n..]);
        if (req.Length + n + 2 < req.Size)
        {
            HttpHeaderOps.AddTail(req, msg, idx, line[..n]);
        }

        if (scheduled > 0)
        {
            req.Reschedule(scheduled + msg.Eoh - oldEoh);
        }
    }
}
