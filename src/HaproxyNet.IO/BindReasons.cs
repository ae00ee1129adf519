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
}
