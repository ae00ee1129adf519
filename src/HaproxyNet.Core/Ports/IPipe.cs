namespace HaproxyNet.Core.Ports;

/// <summary>
/// A kernel pipe that carries bytes from one socket to another without a copy through user space (Linux splice;
/// 1.4's <c>struct pipe</c>). The transport owns the descriptors; the engine only sees how many bytes it holds.
/// </summary>
public interface IPipe
{
    /// <summary>Bytes spliced in and not spliced out yet.</summary>
    int Data { get; }

    /// <summary>The pipe's capacity in bytes (tune.pipesize, else the kernel's default).</summary>
    int Capacity { get; }
}
