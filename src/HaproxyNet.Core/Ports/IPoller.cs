namespace HaproxyNet.Core.Ports;

/// <summary>Waits for socket readiness and runs the handlers (1.4's <c>cur_poller.poll</c>).</summary>
public interface IPoller
{
    /// <summary>
    /// Waits at most <paramref name="timeoutMs"/> (0 = do not block) for readiness, then runs every ready
    /// handler: read callbacks before write callbacks per socket. Returns the number of events handled.
    /// </summary>
    int Poll(int timeoutMs);

    /// <summary>Thread-safe: interrupts a blocking <see cref="Poll"/> (signals arrive on other threads).</summary>
    void Wake();

    /// <summary>Name shown by -d/-V: "Using epoll() as the polling mechanism."</summary>
    string Name { get; }
}
