namespace HaproxyNet.Core.Ports;

/// <summary>Options of one listening socket (a <c>bind</c> line and its frontend), fixed when the runtime is built.</summary>
/// <remarks>1.4's <c>listener-&gt;options</c> (LI_O_*), <c>interface</c> and <c>maxseg</c>, read by <c>tcp_bind_listener</c>.</remarks>
public readonly record struct ListenerOptions
{
    /// <summary>TCP_DEFER_ACCEPT with a 1 s delay (<c>defer-accept</c>).</summary>
    public bool DeferAccept { get; init; }

    /// <summary>TCP_MAXSEG on the listening socket, 0 = unset (<c>mss</c>, 1..65535 in 1.4.25).</summary>
    public int Mss { get; init; }

    /// <summary>SO_BINDTODEVICE (<c>interface</c>); fails without CAP_NET_RAW.</summary>
    public string? Interface { get; init; }

    /// <summary>IP_TRANSPARENT, else IP_FREEBIND (<c>transparent</c>); fails without CAP_NET_ADMIN.</summary>
    public bool Transparent { get; init; }

    /// <summary>SO_LINGER {1, 0} on the listening socket (LI_O_NOLINGER, from the frontend's <c>option nolinger</c>).</summary>
    public bool NoLinger { get; init; }

    /// <summary>What every accepted socket gets (<c>event_accept</c>): clitcpka, nolinger, client buffers.</summary>
    public SocketOptions Accepted { get; init; }

    /// <summary>True when nothing beyond 1.4's defaults (SO_REUSEADDR, SO_REUSEPORT) is asked.</summary>
    public bool IsDefault => !DeferAccept && Mss == 0 && Interface is null && !Transparent && !NoLinger && Accepted.IsDefault;
}
