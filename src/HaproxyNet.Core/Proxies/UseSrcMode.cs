namespace HaproxyNet.Core.Proxies;

/// <summary>Foreign source of outgoing connections (1.4's SRV_TPROXY_* / PR_O_TPXY_*, set by <c>usesrc</c>).</summary>
public enum UseSrcMode
{
    /// <summary>No <c>usesrc</c>: bind the plain <c>source</c> address.</summary>
    None,

    /// <summary><c>usesrc &lt;addr&gt;[:port]</c>: a fixed foreign address and port (flags 3).</summary>
    Address,

    /// <summary><c>usesrc client</c>: the client's address and port (flags 3).</summary>
    Client,

    /// <summary><c>usesrc clientip</c>: the client's address, any port (flags 1).</summary>
    ClientIp,
}
