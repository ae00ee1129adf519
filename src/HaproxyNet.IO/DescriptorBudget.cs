namespace HaproxyNet.IO;

/// <summary>
/// The descriptors the proxy may use for its own sockets, below RLIMIT_NOFILE: the .NET runtime opens
/// descriptors of its own at any time (a new thread — tiered JIT, thread pool — opens files and a pipe) and
/// aborts the whole process (PAL_SEHException) when that fails. 1.4 can use every descriptor up to ulimit-n; we
/// keep <see cref="RuntimeReserve"/> above our ceiling free, so the proxy meets EMFILE (and its starvation
/// handling) before the runtime does.
/// </summary>
public static class DescriptorBudget
{
    /// <summary>Descriptors the host adds above the proxy's ceiling for the runtime's own use.</summary>
    public const int RuntimeReserve = 64;

    /// <summary>
    /// Descriptor numbers at or above this are refused for sockets the proxy creates (accept, socket); set by the
    /// host once it has fixed RLIMIT_NOFILE. Descriptors are allocated lowest first, so a number this high means
    /// the proxy's share is used up.
    /// </summary>
    public static int Ceiling { get; set; } = int.MaxValue;

    /// <summary>True when <paramref name="fd"/> eats into the runtime's reserve (the caller closes it: EMFILE).</summary>
    internal static bool Exceeded(int fd) => fd >= Ceiling;
}
