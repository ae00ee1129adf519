namespace HaproxyNet.IO;

/// <summary>1.4's listener setup failure texts, printed as <c>Starting &lt;kind&gt; &lt;name&gt;: &lt;reason&gt;</c>.</summary>
/// <remarks>From <c>tcp_bind_listener</c> (proto_tcp.c). 1.4.25 prints the bare reason, no address suffix.</remarks>
public static class BindReasons
{
    public const string CannotCreate = "cannot create listening socket";
    public const string NotEnoughSockets = "not enough free sockets (raise '-n' parameter)";
    public const string CannotMakeNonBlocking = "cannot make socket non-blocking";

    /// <summary>Not fatal in 1.4: reported, and the listener is still bound.</summary>
    public const string CannotReuseAddr = "cannot do so_reuseaddr";
    public const string CannotBind = "cannot bind socket";
    public const string CannotListen = "cannot listen to socket";

    /// <summary>IP_TRANSPARENT and IP_FREEBIND refused (no CAP_NET_ADMIN): an alert, the listener is still bound.</summary>
    public const string CannotMakeTransparent = "cannot make listening socket transparent";

    /// <summary>SO_BINDTODEVICE refused (no CAP_NET_RAW) or unknown device: a warning, the listener is still bound.</summary>
    public const string CannotBindToDevice = "cannot bind listener to device";

    /// <summary>TCP_MAXSEG refused: a warning.</summary>
    public const string CannotSetMss = "cannot set MSS";

    /// <summary>TCP_DEFER_ACCEPT refused: a warning.</summary>
    public const string CannotDeferAccept = "cannot enable DEFER_ACCEPT";
}
