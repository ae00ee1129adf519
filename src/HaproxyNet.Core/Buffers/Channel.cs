using System.Buffers;
using HaproxyNet.Core.StreamInterfaces;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Buffers;

/// <summary>One direction of a session: the request (client to server) or response buffer (1.4's <c>struct buffer</c>).</summary>
/// <remarks>
/// Storage is taken from the engine's buffer pool (<see cref="BufferUsage"/>; <see cref="ArrayPool{T}"/> for a lone
/// channel) only while data is held and given back once drained, so an idle session holds no buffer. 1.4's output accounting: the first <see cref="SendMax"/> bytes at the head may be sent,
/// <see cref="ToForward"/> more bytes will be scheduled as they arrive (infinite once the analysers are done, as in
/// TCP); the bytes after <see cref="SendMax"/> belong to the analysers, which may rewrite them in place
/// (<see cref="Replace"/>) within the room kept free by <see cref="ReadLimit"/> (tune.maxrewrite).
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
        ReadLimit = size;
        _usage = usage;
    }

    /// <summary>Capacity (tune.bufsize).</summary>
    public int Size { get; }

    public ChannelFlags Flags { get; set; }

    /// <summary>Bytes currently held.</summary>
    public int Length { get; private set; }

    /// <summary>Total bytes that entered this buffer (logged bytes_in/bytes_out).</summary>
    public long Total { get; set; }

    /// <summary>Bytes sent from this buffer so far (the head moved by that much): HTTP offsets are rebased on it.</summary>
    public long Out { get; private set; }

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

    /// <summary>BUF_INFINITE_FORWARD: every byte to come is forwarded.</summary>
    public const long InfiniteForward = long.MaxValue;

    public bool IsEmpty => Length == 0 && PipeData == 0;

    /// <summary>1.4's <c>send_max</c>: bytes at the head of the buffer scheduled for sending.</summary>
    public int SendMax { get; private set; }

    /// <summary>1.4's <c>to_forward</c>: bytes still to schedule for sending as they arrive (<see cref="InfiniteForward"/>).</summary>
    public long ToForward { get; private set; }

    /// <summary>
    /// 1.4's <c>max_len</c>: reading stops once this many bytes are held (tune.bufsize minus tune.maxrewrite while
    /// HTTP headers are awaited, so that rewrites always have room); <see cref="Size"/> otherwise.
    /// </summary>
    public int ReadLimit { get; set; }

    /// <summary>
    /// Data present and to come are scheduled for sending (1.4's <c>buffer_flush</c> + infinite <c>to_forward</c>),
    /// set once the buffer has no analyser left. Until then bytes are held for the analysers.
    /// </summary>
    public bool Forwarding
    {
        get => ToForward == InfiniteForward;
        set
        {
            if (value)
            {
                SendMax = Length;
                ToForward = InfiniteForward;
            }
            else
            {
                ToForward = 0;
            }
        }
    }

    /// <summary>BF_OUT_EMPTY: nothing scheduled for sending (bytes an analyser still holds do not count).</summary>
    public bool IsOutEmpty => SendMax == 0 && PipeData == 0;

    /// <summary>BF_FULL: no more reading (<see cref="ReadLimit"/> reached).</summary>
    public bool IsFull => Length >= ReadLimit || PipeFull;

    /// <summary>Bytes held but not scheduled for sending: what the analysers look at.</summary>
    public int Unsent => Length - SendMax;

    /// <summary>Offset of the first data byte in the storage (1.4's <c>w</c> pointer as an offset; <c>show sess</c>).</summary>
    internal int Head => _start;

    public bool Has(ChannelFlags f) => (Flags & f) != 0;

    /// <summary>Free room up to <see cref="ReadLimit"/>, renting storage on first use.</summary>
    public Span<byte> GetWriteSpan() => GetWriteSpan(ReadLimit);

    /// <summary>Free room up to <paramref name="limit"/> bytes held (at most <see cref="Size"/>).</summary>
    public Span<byte> GetWriteSpan(int limit)
    {
        EnsureStorage();
        limit = Math.Min(limit, Size);
        var room = Math.Max(0, limit - Length);
        if (_start > 0 && _start + Length + room > Size)
        {
            _data.AsSpan(_start, Length).CopyTo(_data);
            _start = 0;
        }

        return _data.AsSpan(_start + Length, room);
    }

    /// <summary>
    /// Commits <paramref name="n"/> bytes written into <see cref="GetWriteSpan()"/>; bytes still to forward are
    /// scheduled at once (1.4's stream_sock_read with <c>to_forward</c>).
    /// </summary>
    public void Advance(int n)
    {
        Length += n;
        Total += n;
        if (ToForward > 0)
        {
            var fwd = ToForward == InfiniteForward ? n : (int)Math.Min(n, ToForward);
            SendMax += fwd;
            if (ToForward != InfiniteForward)
            {
                ToForward -= fwd;
            }
        }
    }

    /// <summary>Every byte held, from the head (sent-to-be first, then the analysers' part).</summary>
    public ReadOnlySpan<byte> GetReadSpan() => _data is null ? default : _data.AsSpan(_start, Length);

    /// <summary>Every byte held, writable (the HTTP parser works in place, offsets from the head).</summary>
    public Span<byte> GetDataSpan() => _data is null ? default : _data.AsSpan(_start, Length);

    /// <summary>The bytes held after <see cref="SendMax"/>, writable in place by the analysers.</summary>
    public Span<byte> GetUnsentSpan() => _data is null ? default : _data.AsSpan(_start + SendMax, Length - SendMax);

    /// <summary>The bytes scheduled for sending.</summary>
    public ReadOnlySpan<byte> GetSendSpan() => _data is null ? default : _data.AsSpan(_start, SendMax);

    /// <summary>Drops <paramref name="n"/> sent bytes; returns the storage to the pool when empty.</summary>
    public void Consume(int n)
    {
        _start += n;
        Length -= n;
        Out += n;
        SendMax -= Math.Min(n, SendMax);
        if (Length == 0)
        {
            Release();
        }
    }

    /// <summary>
    /// buffer_forward: schedules <paramref name="bytes"/> more bytes, those present at once and the rest as they
    /// arrive (<see cref="InfiniteForward"/> forwards everything to come).
    /// </summary>
    public void Forward(long bytes)
    {
        if (bytes <= 0)
        {
            return;
        }

        var unsent = Length - SendMax;
        if (bytes == InfiniteForward)
        {
            SendMax = Length;
            ToForward = InfiniteForward;
            return;
        }

        var now = (int)Math.Min(bytes, unsent);
        SendMax += now;
        bytes -= now;
        if (bytes > 0 && ToForward != InfiniteForward)
        {
            ToForward = ToForward + bytes < 0 ? InfiniteForward - 1 : ToForward + bytes;
        }
    }

    /// <summary>buffer_flush: schedule every byte present (to_forward unchanged).</summary>
    public void Flush() => SendMax = Length;

    /// <summary>Stops forwarding bytes to come (to_forward = 0); what is scheduled stays scheduled.</summary>
    public void StopForwarding() => ToForward = 0;

    /// <summary>buffer_erase: drops every byte held and stops forwarding.</summary>
    public void Erase()
    {
        Length = 0;
        SendMax = 0;
        ToForward = 0;
        Release();
    }

    /// <summary>
    /// Drops the bytes not yet scheduled for sending and stops forwarding; what is scheduled (a response already
    /// forwarded, say) still leaves first.
    /// </summary>
    public void EraseUnsent()
    {
        Length = SendMax;
        ToForward = 0;
        if (Length == 0)
        {
            Release();
        }
    }

    /// <summary>
    /// buffer_replace2: replaces <paramref name="length"/> bytes at <paramref name="offset"/> (from the head, never
    /// before <see cref="SendMax"/>) with <paramref name="with"/>, moving what follows; returns the size change,
    /// or null when it would not fit in <see cref="Size"/>. <see cref="Total"/> is not changed.
    /// </summary>
    public int? Replace(int offset, int length, ReadOnlySpan<byte> with)
    {
        var delta = with.Length - length;
        if (Length + delta > Size || offset < SendMax || offset + length > Length)
        {
            return null;
        }

        EnsureStorage();
        var at = offset;
        if (_start + Length + delta > Size)
        {
            _data.AsSpan(_start, Length).CopyTo(_data);
            _start = 0;
        }

        var tail = Length - at - length;
        var region = _data.AsSpan(_start);
        if (tail > 0 && delta != 0)
        {
            region.Slice(at + length, tail).CopyTo(region[(at + with.Length)..]);
        }

        with.CopyTo(region[at..]);
        Length += delta;
        if (Length == 0)
        {
            Release();
        }

        return delta;
    }

    /// <summary>
    /// buffer_write: appends <paramref name="data"/> (counted in <see cref="Total"/>) and schedules it for sending
    /// with everything before it; false if it does not fit.
    /// </summary>
    public bool Write(ReadOnlySpan<byte> data)
    {
        if (Length + data.Length > Size)
        {
            return false;
        }

        data.CopyTo(GetWriteSpan(Size));
        Length += data.Length;
        Total += data.Length;
        SendMax = Length;
        return true;
    }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_data))]
    private void EnsureStorage()
    {
        if (_data is null)
        {
            _data = _usage is null ? ArrayPool<byte>.Shared.Rent(Size) : _usage.Take(Size);
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
            if (_usage is null)
            {
                ArrayPool<byte>.Shared.Return(_data);
            }
            else
            {
                _usage.Give(_data);
            }

            _data = null;
            _start = 0;
        }
    }

    /// <summary>Discards held data and returns storage (session free).</summary>
    public void Discard()
    {
        Length = 0;
        SendMax = 0;
        ToForward = 0;
        Release();
    }
}
