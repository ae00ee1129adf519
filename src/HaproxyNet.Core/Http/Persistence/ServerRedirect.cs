using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.StreamInterfaces;

namespace HaproxyNet.Core.Http.Persistence;

/// <summary>
/// 1.4.25's <c>perform_http_redirect</c>: a GET/HEAD request assigned to a server with a <c>redir</c> prefix is
/// answered with a 302 to prefix + path instead of being connected (HTTP-MODE §9, flags <c>PC</c>).
/// </summary>
public static class ServerRedirect
{
    private static ReadOnlySpan<byte> Http302 => "HTTP/1.1 302 Found\r\nCache-Control: no-cache\r\nContent-length: 0\r\nLocation: "u8;

    /// <summary>Trash buffer size of 1.4 (the whole message must fit in it).</summary>
    private const int TrashSize = 16384;

    /// <summary>The check of process_session after sess_prepare_conn_req: in ASS with a redir server, redirect.</summary>
    public static void TryPerform(Session s, StreamInterface si)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(si);
        if (si.State != SiState.Ass || s.Srv is not { RedirectPrefix: { } prefix } srv || !s.Has(SessionFlags.Redirectable) || s.Txn is not { } txn)
        {
            return;
        }

        var msg = txn.Req;
        var data = s.Req.GetReadSpan();
        if (msg.Rq.Uri < 0 || msg.Rq.Uri + msg.Rq.UriLength > data.Length)
        {
            return;
        }

        var uri = data.Slice(msg.Rq.Uri, msg.Rq.UriLength);
        var path = PathOf(uri);
        if (path < 0)
        {
            return;
        }

        var keepPrefix = prefix.Length != 1 || prefix[0] != (byte)'/';
        var len = Http302.Length + (keepPrefix ? prefix.Length : 0) + (uri.Length - path);
        if (len > TrashSize - 4)
        {
            return;
        }

        var proxyConn = txn.Has(HttpTxnFlags.UseProxyConn);
        ReadOnlySpan<byte> end = proxyConn ? "\r\nProxy-Connection: close\r\n\r\n"u8 : "\r\nConnection: close\r\n\r\n"u8;
        var total = len + end.Length;
        var rdr = System.Buffers.ArrayPool<byte>.Shared.Rent(total);
        var n = 0;
        Http302.CopyTo(rdr);
        n += Http302.Length;
        if (keepPrefix)
        {
            prefix.CopyTo(rdr.AsSpan(n));
            n += prefix.Length;
        }

        uri[path..].CopyTo(rdr.AsSpan(n));
        n += uri.Length - path;
        end.CopyTo(rdr.AsSpan(n));

        si.ShutR();
        si.ShutW();
        si.ErrType = SiErrType.None;
        si.State = SiState.Clo;
        ServerError(s, si, txn, rdr.AsSpan(0, total));
        System.Buffers.ArrayPool<byte>.Shared.Return(rdr);
        srv.CumSess++;
    }

    /// <summary>http_get_path: offset of the path in <paramref name="uri"/> (after scheme://host), -1 if none.</summary>
    public static int PathOf(ReadOnlySpan<byte> uri)
    {
        if (uri.Length > 0 && uri[0] == (byte)'/')
        {
            return 0;
        }

        var p = uri.IndexOf("://"u8);
        if (p < 0)
        {
            return -1;
        }

        var slash = uri[(p + 3)..].IndexOf((byte)'/');
        return slash < 0 ? -1 : p + 3 + slash;
    }

    /// <summary>http_server_error with PRXCOND / FINST_C and status 302.</summary>
    private static void ServerError(Session s, StreamInterface si, HttpTxn txn, ReadOnlySpan<byte> msg)
    {
        var ob = si.Ob;
        var ib = si.Ib;
        ob.Flags &= ~ChannelFlags.DontRead;
        ob.Abort();
        ob.Flags |= ChannelFlags.AutoClose;
        ob.Erase();
        ib.Flags &= ~ChannelFlags.DontRead;
        ib.Flags |= ChannelFlags.AutoClose;
        txn.Status = 302;
        ib.Write(msg);
        ob.Analysers = 0;
        ib.Analysers = 0;
        s.SetErrIfNone(SessionError.PrxCond);
        s.SetFinIfNone(SessionFinState.C);
    }
}
