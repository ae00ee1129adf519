namespace HaproxyNet.IO.Native;

/// <summary>The system calls the epoll transport makes, as counted by <see cref="Syscalls"/>.</summary>
public enum Syscall
{
    Socket,
    Accept,
    Connect,
    Recv,
    Send,
    Shutdown,
    Close,
    SetSockOpt,
    GetSockOpt,
    GetSockName,
    GetPeerName,
    Bind,
    Listen,
    EpollCtl,
    EpollWait,
    Read,
    Write,
    Pipe,
    Splice,
    Fcntl,
    Ioctl,
}

/// <summary>
/// Per-thread counts of the libc calls made by the transport (every P/Invoke in <c>LibC</c> goes through
/// <see cref="Count"/>): the syscall budget tests and the <c>-d</c> tooling read them on real sockets without
/// strace or LD_PRELOAD. Off (one thread-static null check per call) until <see cref="Start"/> on a thread.
/// </summary>
public static class Syscalls
{
    private const int Kinds = (int)Syscall.Ioctl + 1;

    [ThreadStatic]
    private static long[]? t_counts;

    /// <summary>Starts (or restarts from zero) counting the calls made by the current thread.</summary>
    public static void Start() => t_counts = new long[Kinds];

    /// <summary>Stops counting on the current thread; returns the counts so far (indexed by <see cref="Syscall"/>).</summary>
    public static long[] Stop()
    {
        var counts = t_counts ?? new long[Kinds];
        t_counts = null;
        return counts;
    }

    /// <summary>The current thread's count of <paramref name="call"/> (0 when not counting).</summary>
    public static long Get(Syscall call) => t_counts is { } c ? c[(int)call] : 0;

    internal static void Count(Syscall call)
    {
        if (t_counts is { } c)
        {
            c[(int)call]++;
        }
    }
}
