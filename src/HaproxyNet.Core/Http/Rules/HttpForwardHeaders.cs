using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Http.Rules;

/// <summary>
/// <c>option forwardfor</c> and <c>option originalto</c> (1.4's <c>http_process_request</c> steps 9-10,
/// HTTP-MODE §7): a header line with the client's address (or the address it connected to) appended after the
/// other headers. Formatted on the stack: nothing allocated.
/// </summary>
public static class HttpForwardHeaders
{
    /// <summary>Adds X-Forwarded-For then X-Original-To as configured; false when a header does not fit (400).</summary>
    public static bool Apply(Session s, HttpTxn txn, Channel req)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(txn);
        ArgumentNullException.ThrowIfNull(req);
        var fe = s.Fe;
        var be = s.Be;
        if (fe.ForwardForHeader is not null || be.ForwardForHeader is not null)
        {
            // The backend's header name when it has the option, else the frontend's.
            var name = be.ForwardForHeader ?? fe.ForwardForHeader!;
            var always = (fe.ForwardForHeader is not null && fe.ForwardForAlways) || (be.ForwardForHeader is not null && be.ForwardForAlways);
            var ctx = default(HdrCtx);
            if (!always && HttpHeaderOps.Find(req.GetDataSpan(), txn.Req, txn.ReqIdx, name, ref ctx))
            {
                // if-none: the header is already there.
            }
            else if (s.ClientAddress.AddressFamily == AddressFamily.InterNetwork)
            {
                var addr = ToUInt(s.ClientAddress.Address);
                if ((fe.ForwardForExcept.Mask == 0 || (addr & fe.ForwardForExcept.Mask) != fe.ForwardForExcept.Address)
                    && (be.ForwardForExcept.Mask == 0 || (addr & be.ForwardForExcept.Mask) != be.ForwardForExcept.Address)
                    && !Add(req, txn, name, s.ClientAddress.Address))
                {
                    return false;
                }
            }
            else if (s.ClientAddress.AddressFamily == AddressFamily.InterNetworkV6 && !Add(req, txn, name, s.ClientAddress.Address))
            {
                return false;
            }
        }

        if ((fe.OriginalToHeader is not null || be.OriginalToHeader is not null)
            && s.ClientAddress.AddressFamily == AddressFamily.InterNetwork)
        {
            var to = s.FrontAddress;
            if (to.AddressFamily == AddressFamily.InterNetwork)
            {
                var addr = ToUInt(to.Address);
                var name = be.OriginalToHeader ?? fe.OriginalToHeader!;
                if ((fe.OriginalToExcept.Mask == 0 || (addr & fe.OriginalToExcept.Mask) != fe.OriginalToExcept.Address)
                    && (be.OriginalToExcept.Mask == 0 || (addr & be.OriginalToExcept.Mask) != be.OriginalToExcept.Address)
                    && !Add(req, txn, name, to.Address))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary><c>name: a.b.c.d</c> (or inet_ntop's IPv6 text) at the end of the headers.</summary>
    private static bool Add(Channel req, HttpTxn txn, byte[] name, IPAddress address)
    {
        Span<byte> line = stackalloc byte[name.Length + 2 + 64];
        name.CopyTo(line);
        var n = name.Length;
        line[n++] = (byte)':';
        line[n++] = (byte)' ';
        if (!address.TryFormat(line[n..], out var written))
        {
            return false;
        }

        return HttpHeaderOps.AddTail(req, txn.Req, txn.ReqIdx, line[..(n + written)]);
    }

    private static uint ToUInt(IPAddress ip)
    {
        Span<byte> b = stackalloc byte[4];
        return ip.TryWriteBytes(b, out _) ? BinaryPrimitives.ReadUInt32BigEndian(b) : 0;
    }
}
