using HaproxyNet.Core.Ports;

namespace HaproxyNet.Core.Buffers;

/// <summary>The kernel pipe side of a channel (1.4's <c>b-&gt;pipe</c> and <c>BF_KERN_SPLICING</c>).</summary>
/// <remarks>
/// Bytes spliced from the producer's socket sit in <see cref="Pipe"/> until they are spliced into the consumer's
/// socket; they count in <see cref="Total"/> like copied bytes (logged byte counts do not depend on the path) and
/// in <see cref="IsEmpty"/>/<see cref="IsOutEmpty"/> (a channel with pipe data is not drained). Pipe data always
/// leaves before buffered data, and splicing only starts with an empty buffer, so the byte order is kept.
/// </remarks>
public sealed partial class Channel
{
    /// <summary>The pipe holding spliced bytes, null when none is attached.</summary>
    public IPipe? Pipe { get; private set; }

    /// <summary>Bytes waiting in <see cref="Pipe"/>.</summary>
    public int PipeData => Pipe?.Data ?? 0;

    /// <summary>The last splice into the pipe found it full: no reading until the consumer drained some.</summary>
    internal bool PipeFull { get; set; }

    /// <summary>Splicing was tried and refused for this channel (no pipe, kernel refusal): copy from now on.</summary>
    internal bool SpliceOff { get; set; }

    /// <summary>Consecutive read events that each brought at least a full buffer (1.4's xfer_large).</summary>
    internal int FullReads { get; set; }

    /// <summary><see cref="Total"/> at the previous read event, to measure the bytes of one event.</summary>
    internal long TotalAtLastRead { get; set; }

    /// <summary>BF_STREAMER_FAST: three read events in a row brought a full buffer each (<c>option splice-auto</c>).</summary>
    public bool IsFastStreamer => FullReads >= 3;

    /// <summary>Attaches a pipe taken from the transport.</summary>
    internal void AttachPipe(IPipe pipe) => Pipe = pipe;

    /// <summary>Detaches the pipe (to give it back to the transport); null when none is attached.</summary>
    internal IPipe? DetachPipe()
    {
        var p = Pipe;
        Pipe = null;
        PipeFull = false;
        return p;
    }

    /// <summary>Counts bytes spliced into the pipe (<see cref="Total"/> as for a read into the buffer).</summary>
    internal void PipedIn(int n) => Total += n;

    /// <summary>Session end: bytes left in the pipe are dropped with it.</summary>
    private void ReleasePipe(EngineLoop? loop)
    {
        if (DetachPipe() is { } p && loop is not null)
        {
            loop.PutPipe(p);
        }
    }

    /// <summary>Discards held data, gives the pipe back to <paramref name="loop"/> and returns storage (session free).</summary>
    public void Discard(EngineLoop loop)
    {
        ReleasePipe(loop);
        Discard();
    }
}
