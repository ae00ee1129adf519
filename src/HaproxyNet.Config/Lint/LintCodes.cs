namespace HaproxyNet.Config.Lint;

/// <summary>The codes <see cref="ConfigLint"/> emits.</summary>
public static class LintCodes
{
    /// <summary>A server's dynamic maxconn sits at minconn while sessions already wait in the queue.</summary>
    public const string DynamicMaxconnFloor = "dynamic-maxconn-floor";

    /// <summary>The queue timeout of such a backend is 1.4's fallback to <c>timeout connect</c>.</summary>
    public const string QueueTimeoutFromConnect = "queue-timeout-from-connect";

    /// <summary>A hashed or cookie-bound session finds the server's own queue full (maxqueue) while the limit is at minconn.</summary>
    public const string MaxqueueAtFloor = "maxqueue-at-floor";

    /// <summary>fullconn exceeds what the active servers can hold at maxconn, so they never reach it before that load.</summary>
    public const string FullconnAboveServerCapacity = "fullconn-above-server-capacity";

    /// <summary>A frontend's maxconn exceeds the global maxconn (haproxynet-tool lint only).</summary>
    public const string MaxconnAboveGlobal = "maxconn-above-global";

    /// <summary>Client, connect or server timeout missing (haproxynet-tool lint only).</summary>
    public const string MissingTimeouts = "missing-timeouts";

    /// <summary>Servers with maxconn and no queue timeout at all (haproxynet-tool lint only).</summary>
    public const string UnboundedQueue = "unbounded-queue";

    /// <summary>fullconn above the global maxconn keeps dynamic maxconn below maxconn (haproxynet-tool lint only).</summary>
    public const string FullconnAboveGlobal = "fullconn-above-global-maxconn";
}
