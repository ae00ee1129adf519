using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Http.Parsing;

namespace HaproxyNet.Core.Http;

/// <summary>
/// The Connection (or Proxy-Connection) header: 1.4's <c>http_parse_connection_header</c> and
/// <c>http_change_connection_header</c>. The TX_HDR_CONN_* and TX_CON_*_SET flags are shared by the request and
/// the response, as in 1.4.25: once the request's header was parsed, the response's is not parsed again.
/// </summary>
public static class HttpConnectionHeader
{
    /// <summary>Remove "close" tokens.</summary>
    public const int DelClose = 1;

    /// <summary>Remove "keep-alive" tokens.</summary>
    public const int DelKeepAlive = 2;

    /// <summary>http_parse_connection_header: notes close/keep-alive tokens, removing those in <paramref name="toDel"/>.</summary>
    public static void Parse(HttpTxn txn, HttpMsg msg, HdrIdx idx, Channel b, int toDel)
    {
        ArgumentNullException.ThrowIfNull(txn);
        ArgumentNullException.ThrowIfNull(b);
        if (txn.Has(HttpTxnFlags.HdrConnParsed))
        {
            return;
        }

        var name = HeaderName(txn);
        var ctx = default(HdrCtx);
        while (HttpHeaderOps.Find(b.GetDataSpan(), msg, idx, name, ref ctx))
        {
            var v = b.GetDataSpan().Slice(ctx.Val, ctx.VLen);
            if (HttpHeaderOps.EqualsIgnoreCase(v, "keep-alive"u8))
            {
                txn.Flags |= HttpTxnFlags.HdrConnKeepAlive;
                if ((toDel & DelKeepAlive) != 0)
                {
                    HttpHeaderOps.RemoveValue(b, msg, idx, ref ctx);
                }
                else
                {
                    txn.Flags |= HttpTxnFlags.ConKeepAliveSet;
                }
            }
            else if (HttpHeaderOps.EqualsIgnoreCase(v, "close"u8))
            {
                txn.Flags |= HttpTxnFlags.HdrConnClose;
                if ((toDel & DelClose) != 0)
                {
                    HttpHeaderOps.RemoveValue(b, msg, idx, ref ctx);
                }
                else
                {
                    txn.Flags |= HttpTxnFlags.ConCloseSet;
                }
            }
        }

        txn.Flags |= HttpTxnFlags.HdrConnParsed;
    }

    /// <summary>
    /// http_change_connection_header: keeps only the wanted tokens (<see cref="HttpTxnFlags.ConCloseSet"/>,
    /// <see cref="HttpTxnFlags.ConKeepAliveSet"/>) and appends the wanted ones that are missing.
    /// </summary>
    /// <returns>False when an added header does not fit.</returns>
    public static bool Change(HttpTxn txn, HttpMsg msg, HdrIdx idx, Channel b, HttpTxnFlags wanted)
    {
        ArgumentNullException.ThrowIfNull(txn);
        ArgumentNullException.ThrowIfNull(b);
        var name = HeaderName(txn);
        txn.Flags &= ~(HttpTxnFlags.ConCloseSet | HttpTxnFlags.ConKeepAliveSet);
        var ctx = default(HdrCtx);
        while (HttpHeaderOps.Find(b.GetDataSpan(), msg, idx, name, ref ctx))
        {
            var v = b.GetDataSpan().Slice(ctx.Val, ctx.VLen);
            if (HttpHeaderOps.EqualsIgnoreCase(v, "keep-alive"u8))
            {
                if ((wanted & HttpTxnFlags.ConKeepAliveSet) != 0)
                {
                    txn.Flags |= HttpTxnFlags.ConKeepAliveSet;
                }
                else
                {
                    HttpHeaderOps.RemoveValue(b, msg, idx, ref ctx);
                }
            }
            else if (HttpHeaderOps.EqualsIgnoreCase(v, "close"u8))
            {
                if ((wanted & HttpTxnFlags.ConCloseSet) != 0)
                {
                    txn.Flags |= HttpTxnFlags.ConCloseSet;
                }
                else
                {
                    HttpHeaderOps.RemoveValue(b, msg, idx, ref ctx);
                }
            }
        }

        var proxy = txn.Has(HttpTxnFlags.UseProxyConn);
        if ((wanted & HttpTxnFlags.ConCloseSet) != 0 && !txn.Has(HttpTxnFlags.ConCloseSet))
        {
            txn.Flags |= HttpTxnFlags.ConCloseSet;
            if (!HttpHeaderOps.AddTail(b, msg, idx, proxy ? "Proxy-Connection: close"u8 : "Connection: close"u8))
            {
                return false;
            }
        }

        if ((wanted & HttpTxnFlags.ConKeepAliveSet) != 0 && !txn.Has(HttpTxnFlags.ConKeepAliveSet))
        {
            txn.Flags |= HttpTxnFlags.ConKeepAliveSet;
            if (!HttpHeaderOps.AddTail(b, msg, idx, proxy ? "Proxy-Connection: keep-alive"u8 : "Connection: keep-alive"u8))
            {
                return false;
            }
        }

        return true;
    }

    private static ReadOnlySpan<byte> HeaderName(HttpTxn txn) =>
        txn.Has(HttpTxnFlags.UseProxyConn) ? "Proxy-Connection"u8 : "Connection"u8;
}
