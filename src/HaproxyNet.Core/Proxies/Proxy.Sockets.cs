using System.Net;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.Core.Proxies;

/// <summary>Where and how a proxy's sockets connect (1.4's dispatch_addr, source_addr, iface_name, tproxy fields).</summary>
/// <remarks>Set once by <see cref="RuntimeBuilder"/>; read per connection without any lookup.</remarks>
public sealed partial class Proxy
{
    /// <summary>
    /// <c>dispatch</c> address, only when the backend has no load-balancing algorithm (1.4 ignores it in balance
    /// mode) and its address is not 0.0.0.0 (1.4 tests the address for zero).
    /// </summary>
    public IPEndPoint? DispatchAddress { get; set; }

    /// <summary>Backend <c>source</c> address bound before connect when the server has none (PR_O_BIND_SRC).</summary>
    public IPEndPoint? Source { get; set; }

    /// <summary><c>usesrc</c> mode of the backend <c>source</c> (needs a TPROXY build).</summary>
    public UseSrcMode UseSrc { get; set; }

    /// <summary>The fixed foreign address of <c>usesrc &lt;addr&gt;</c>.</summary>
    public IPEndPoint? UseSrcAddress { get; set; }

    /// <summary>
    /// Options of the server-side sockets this backend opens (srvtcpka, nolinger, tune.*buf.server), with the
    /// backend <c>source ... interface</c>; computed once at build time.
    /// </summary>
    public SocketOptions ServerSocketOptions { get; set; }

    /// <summary><c>option transparent</c>: connect to the client's original destination (PR_O_TRANSP).</summary>
    public bool Transparent => Has(ProxyOptions.Transparent);
}
