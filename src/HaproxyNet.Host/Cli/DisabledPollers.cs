namespace HaproxyNet.Host.Cli;

/// <summary>Polling mechanisms turned off from the command line (1.4 clears <c>GTUNE_USE_*</c> bits).</summary>
/// <remarks>
/// The flags mirror the reference build (epoll, sepoll and poll compiled in); HaproxyNet only has an
/// epoll-style poller, but accepts the three flags so that a command line means the same thing to both.
/// </remarks>
[Flags]
public enum DisabledPollers
{
    None = 0,

    /// <summary><c>-de</c>.</summary>
    Epoll = 1,

    /// <summary><c>-ds</c>.</summary>
    SpeculativeEpoll = 2,

    /// <summary><c>-dp</c>.</summary>
    Poll = 4,

    /// <summary><c>-dS</c> in a splice build (<c>HAPROXYNET_USE_LINUX_SPLICE=1</c>): no splicing (1.4 clears GTUNE_USE_SPLICE).</summary>
    Splice = 8,
}
