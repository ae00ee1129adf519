using System.Net;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.Core.Proxies;

/// <summary>Per-server source binding (1.4's SRV_BIND_SRC, source_addr, sport_range, iface_name, tproxy_addr).</summary>
public sealed partial class Server
{
    /// <summary>Free ports of a <c>source addr:low-high</c> range (1.4's sport_range), or null.</summary>
    public SourcePortRange? SourcePorts { get; set; }

    /// <summary><c>usesrc</c> mode of this server's <c>source</c> (needs a TPROXY build).</summary>
    public UseSrcMode UseSrc { get; set; }

    /// <summary>The fixed foreign address of <c>usesrc &lt;addr&gt;</c>.</summary>
    public IPEndPoint? UseSrcAddress { get; set; }

    /// <summary>
    /// The backend's server-side socket options with this server's own <c>source ... interface</c>, when it has a
    /// <c>source</c>; computed once at build time.
    /// </summary>
    public SocketOptions SocketOptions { get; set; }
}
