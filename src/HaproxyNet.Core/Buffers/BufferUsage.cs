namespace HaproxyNet.Core.Buffers;

/// <summary>How many channel buffers one engine holds right now (the figures of its SIGQUIT pool dump).</summary>
/// <remarks>
/// 1.4 keeps freed buffers in its pool's free list; here a channel rents from <c>ArrayPool</c> only while it holds
/// data and returns the array once drained, so "allocated" and "used" are the same number: the buffers held.
/// </remarks>
public sealed class BufferUsage
{
    /// <summary>Buffers currently rented by channels.</summary>
    public int Held { get; internal set; }

    /// <summary>The most buffers held at once since start.</summary>
    public int Peak { get; internal set; }

    internal void Rented()
    {
        if (++Held > Peak)
        {
            Peak = Held;
        }
    }

    internal void Returned() => Held--;
}
