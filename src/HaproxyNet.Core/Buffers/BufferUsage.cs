namespace HaproxyNet.Core.Buffers;

/// <summary>
/// The engine's channel buffer pool (1.4's <c>pool2_buffer</c>): buffers held by channels plus a free list of
/// returned ones, which the next channel takes back (the figures of the SIGQUIT pool dump).
/// </summary>
/// <remarks>
/// As in 1.4, a channel takes a buffer only while it holds data and gives it back once drained; given-back buffers
/// stay in the free list ("allocated" but not "used") until <see cref="ReleaseFree"/> (1.4's <c>pool_gc2</c>, run
/// after the SIGQUIT dump). One engine thread owns the pool: a plain stack, no lock.
/// </remarks>
public sealed class BufferUsage
{
    private byte[][] _free = new byte[16][];
    private int _freeCount;

    /// <summary>Buffers currently held by channels ("used").</summary>
    public int Held { get; private set; }

    /// <summary>The most buffers held at once since start.</summary>
    public int Peak { get; private set; }

    /// <summary>Buffers given back and kept for reuse.</summary>
    public int Free => _freeCount;

    /// <summary>Buffers this pool owns, held or free ("allocated").</summary>
    public int Allocated => Held + _freeCount;

    /// <summary>A buffer of <paramref name="size"/> bytes, from the free list when it has one.</summary>
    internal byte[] Take(int size)
    {
        if (++Held > Peak)
        {
            Peak = Held;
        }

        while (_freeCount > 0)
        {
            var b = _free[--_freeCount];
            _free[_freeCount] = null!;
            if (b.Length == size)
            {
                return b;
            }
        }

        return GC.AllocateUninitializedArray<byte>(size);
    }

    /// <summary>Puts a buffer taken with <see cref="Take"/> back in the free list.</summary>
    internal void Give(byte[] buffer)
    {
        Held--;
        if (_freeCount == _free.Length)
        {
            Array.Resize(ref _free, _free.Length * 2);
        }

        _free[_freeCount++] = buffer;
    }

    /// <summary>Drops the free buffers (1.4's <c>pool_gc2</c>); the held ones stay.</summary>
    public void ReleaseFree()
    {
        Array.Clear(_free, 0, _freeCount);
        _freeCount = 0;
    }
}
