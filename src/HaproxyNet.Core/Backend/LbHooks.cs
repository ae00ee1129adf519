using System.Net.Sockets;
using HaproxyNet.Core.LoadBalancing;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Backend;

/// <summary>The engine's calls into the backend's load balancer (1.4's <c>lbprm</c> callbacks) in one place.</summary>
/// <remarks>See src/HaproxyNet.Core/LoadBalancing/README.md for the protocol.</remarks>
public static class LbHooks
{
    /// <summary>lbprm.server_take_conn: after served++ or a connection start.</summary>
    public static void ServerTakeConn(Server srv) => srv.Proxy.Lb?.ServerTakeConn(srv);

    /// <summary>lbprm.server_drop_conn: after served--.</summary>
    public static void ServerDropConn(Server srv) => srv.Proxy.Lb?.ServerDropConn(srv);

    /// <summary>True when the backend balances and has weight in use (lbprm.tot_weight != 0).</summary>
    public static bool HasWeight(Proxy be) => be.Lb is { TotWeight: > 0 };

    /// <summary>
    /// The algorithm's pick for <paramref name="s"/> (hash inputs taken from the session without copying),
    /// avoiding <paramref name="avoid"/> when possible; null when every candidate is saturated (FULL).
    /// </summary>
    public static Server? PickServer(Session s, Server? avoid, long nowSeconds)
    {
        var lb = s.Be.Lb;
        if (lb is null)
        {
            return null;
        }

        Span<byte> addr = stackalloc byte[16];
        var ip = s.ClientAddress.Address;
        var len = 0;
        if (ip.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 && ip.TryWriteBytes(addr, out var written))
        {
            len = written;
        }

        var data = s.Req.GetReadSpan();
        ReadOnlySpan<byte> uri = default, headers = default, body = default;
        var isPost = false;
        if (s.Txn is { } txn && txn.Req.State >= Http.Parsing.HttpMsgState.Body && txn.Req.State != Http.Parsing.HttpMsgState.Error)
        {
            // HTTP: the request still sits in the buffer (nothing is sent before a server is chosen).
            txn.Rebase(s.Req, isRequest: true);
            var msg = txn.Req;
            if (msg.Rq.Uri >= 0 && msg.Rq.Uri + msg.Rq.UriLength <= data.Length)
            {
                uri = data.Slice(msg.Rq.Uri, msg.Rq.UriLength);
                var first = msg.Som + txn.ReqIdx.FirstPos;
                if (first <= msg.Eoh && msg.Eoh <= data.Length)
                {
                    headers = data[first..msg.Eoh];
                }

                if (msg.Sov >= 0 && msg.Sov <= data.Length)
                {
                    body = data[msg.Sov..];
                    if (!txn.Has(Http.HttpTxnFlags.ReqTeChunked) && body.Length > txn.ReqBodyLength)
                    {
                        body = body[..(int)txn.ReqBodyLength];
                    }
                }
            }

            isPost = txn.Meth == Http.Parsing.HttpMeth.Post;
        }

        var request = new LbRequest
        {
            ClientAddress = addr[..len],
            Uri = uri,
            Headers = headers,
            IsPost = isPost,
            Body = body,
            Payload = data,
        };
        return LbPicker.PickServer(lb, request, avoid, nowSeconds);
    }
}
