using System.Buffers;
using HaproxyNet.Core.StreamInterfaces;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Buffers;

/// <summary>One direction of a session: the request (client to server) or response buffer (1.4's <c>struct buffer</c>).</summary>
/// <remarks>
/// Storage is rented from <see cref="ArrayPool{T}"/> only while data is held and returned once drained, so an idle
/// session holds no buffer. Everything present may be forwarded (TCP infinite forward); analysers gate it.
/// </remarks>
public sealed partial class Channel
{
    private readonly BufferUsage? _usage;
    private byte[]? _data;
    private int _start;

    /// <param name="size">Capacity (tune.bufsize).</param>
    /// <param name="usage">The engine's count of buffers held, or null (tests of a lone channel).</param>
    public Channel(int size, BufferUsage? usage = null)
    {
        Size = size;
        _usage = usage;
    }

    /// <summary>Capacity (tune.bufsize).</summary>
    public int Size { get; }

    public ChannelFlags Flags { get; set; }

    /// <summary>Bytes currently held.</summary>
    public int Length { get; private set; }

    /// <summary>Total bytes that entered this buffer (logged bytes_in/bytes_out).</summary>
    public long Total { get; set; }

    /// <summary>Read expiry tick.</summary>
    public int Rex { get; set; }

    /// <summary>Write expiry tick.</summary>
    public int Wex { get; set; }

    /// <summary>Read timeout in ms (0 = none).</summary>
    public int Rto { get; set; }

    /// <summary>Write timeout in ms (0 = none).</summary>
    public int Wto { get; set; }

    /// <summary>Analyser expiry tick.</summary>
    public int AnalyseExp { get; set; }

    /// <summary>Pending analyser bits (AN_REQ_* / AN_RES_*).</summary>
    public int Analysers { get; set; }

    /// <summary>The stream interface writing into this buffer.</summary>
    public StreamInterface? Producer { get; set; }

    /// <summary>The stream interface draining this buffer.</summary>
    public StreamInterface? Consumer { get; set; }

    public bool IsEmpty => Length == 0 && PipeData == 0;

    /// <summary>
    /// Data present and to come are scheduled for sending (1.4's <c>buffer_flush</c> + infinite <c>to_forward</c>),
    /// set once the buffer has no analyser left. Until then bytes are held for the analysers.
    /// </summary>
    public bool Forwarding { get; set; }

    /// <summary>BF_OUT_EMPTY: nothing scheduled for sending (bytes an analyser still holds do not count).</summary>
    public bool IsOutEmpty => (Length == 0 && PipeData == 0) || !Forwarding;

    public bool IsFull => Length >= Size || PipeFull;

    public bool Has(ChannelFlags f) => (Flags & f) != 0;

    /// <summary>Free room, renting storage on first use.</summary>
    public Span<byte> GetWriteSpan()
    {
        if (_data is null)
        {
            _data = ArrayPool<byte>.Shared.Rent(Size);
            _usage?.Rented();
        }

        if (_start > 0 && _start + Length >= Size)
        {
            _data.AsSpan(_start, Length).CopyTo(_data);
            _start = 0;
        }

        return _data.AsSpan(_start + Length, Size - _start - Length);
    }

    /// <summary>Commits <paramref name="n"/> bytes written into <see cref="GetWriteSpan"/>.</summary>
    public void Advance(int n)
    {
        Length += n;
        Total += n;
    }

    /// <summary>The bytes waiting to be sent.</summary>
    public ReadOnlySpan<byte> GetReadSpan() => _data is null ? default : _data.AsSpan(_start, Length);

    /// <summary>Drops <paramref name="n"/> sent bytes; returns the storage to the pool when empty.</summary>
    public void Consume(int n)
    {
        _start += n;
        Length -= n;
        if (Length == 0)
        {
            Release();
        }
    }

    /// <summary>buffer_shutr_now.</summary>
    public void ShutRNow() => Flags |= ChannelFlags.ShutRNow;

    /// <summary>buffer_shutw_now.</summary>
    public void ShutWNow() => Flags |= ChannelFlags.ShutWNow;

    /// <summary>buffer_abort: shut both ways now.</summary>
    public void Abort() => Flags |= ChannelFlags.ShutRNow | ChannelFlags.ShutWNow;

    /// <summary>buffer_check_timeouts: raises READ/WRITE/ANA_TIMEOUT for expired, still relevant timers.</summary>
    public void CheckTimeouts(int now)
    {
        if ((Flags & (ChannelFlags.ShutR | ChannelFlags.ReadTimeout | ChannelFlags.ReadActivity | ChannelFlags.ReadNoExp)) == 0
            && Ticks.IsExpired(Rex, now))
        {
            Flags |= ChannelFlags.ReadTimeout;
        }

        if ((Flags & (ChannelFlags.ShutW | ChannelFlags.WriteTimeout | ChannelFlags.WriteActivity)) == 0
            && Ticks.IsExpired(Wex, now))
        {
            Flags |= ChannelFlags.WriteTimeout;
        }

        if ((Flags & ChannelFlags.AnaTimeout) == 0 && Ticks.IsExpired(AnalyseExp, now))
        {
            Flags |= ChannelFlags.AnaTimeout;
        }
    }

    /// <summary>Returns the storage to the pool (session end).</summary>
    public void Release()
    {
        if (_data is not null && Length == 0)
        {
            ArrayPool<byte>.Shared.Return(_data);
            _usage?.Returned();
            _data = null;
            _start = 0;
        }
    }

    /// <summary>Discards held data and returns storage (session free).</summary>
    public void Discard()
    {
        Length = 0;
        Release();
    }
}
