using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.StreamInterfaces;

/// <summary>The source port a server connection took from a <c>source</c> port range (1.4's fdinfo[fd].port_range).</summary>
public sealed partial class StreamInterface
{
    /// <summary>The range <see cref="SourcePort"/> came from, or null.</summary>
    internal SourcePortRange? SourcePorts { get; set; }

    /// <summary>The local port taken from <see cref="SourcePorts"/> (fdinfo[fd].local_port).</summary>
    internal int SourcePort { get; set; }

    /// <summary>Gives the port back when the socket is closed (fd_delete releases it in 1.4).</summary>
    internal void ReleaseSourcePort()
    {
        SourcePorts?.Release(SourcePort);
        SourcePorts = null;
        SourcePort = 0;
    }
}
