namespace HaproxyNet.Testing.Engine;

/// <summary>One step of a scripted client (the log-compare harness's client actions).</summary>
public abstract record SimClientAction
{
    /// <summary>Send these bytes.</summary>
    public sealed record Send(byte[] Data) : SimClientAction;

    /// <summary>Read exactly N bytes (less if the peer closes).</summary>
    public sealed record Recv(int Count) : SimClientAction;

    /// <summary>Wait until N ms after the connection was established.</summary>
    public sealed record HoldUntil(int Ms) : SimClientAction;

    /// <summary>Pause N ms.</summary>
    public sealed record Sleep(int Ms) : SimClientAction;

    /// <summary>Half-close.</summary>
    public sealed record ShutdownWrite : SimClientAction;

    /// <summary>Sends an HTTP request and waits for a whole response (by Content-Length, or until the peer closes).</summary>
    public sealed record Http(byte[] Request, bool IsHead) : SimClientAction;

    /// <summary>Waits until the peer closed (or reset).</summary>
    public sealed record RecvUntilClose : SimClientAction;
}
