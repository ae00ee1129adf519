namespace HaproxyNet.Core.Tasks;

/// <summary>
/// The run queue's entries in (key, sequence) order: a FIFO ring for tasks woken with nice 0, whose keys are the
/// growing wake-up counter, merged at dequeue with a heap holding the niced ones (whose keys may jump back or ahead).
/// Entries are not removed when a task leaves the queue otherwise; the caller skips those whose sequence is stale.
/// </summary>
internal sealed class RunQueue
{
    private readonly PriorityQueue<EngineTask, (long Key, long Seq)> _niced = new();
    private Entry[] _ring = new Entry[64];
    private int _head;
    private int _count;

    /// <summary>Adds an entry; <paramref name="inOrder"/> says its key is above every key added in order before.</summary>
    public void Enqueue(EngineTask task, long key, long seq, bool inOrder)
    {
        if (!inOrder)
        {
            _niced.Enqueue(task, (key, seq));
            return;
        }

        if (_count == _ring.Length)
        {
            Grow();
        }

        ref var e = ref _ring[(_head + _count) & (_ring.Length - 1)];
        e.Task = task;
        e.Key = key;
        e.Seq = seq;
        _count++;
    }

    /// <summary>Takes the entry of lowest (key, sequence).</summary>
    public bool TryDequeue(out EngineTask task, out long seq)
    {
        if (_niced.TryPeek(out var n, out var nk))
        {
            if (_count == 0 || nk.Key < _ring[_head].Key || (nk.Key == _ring[_head].Key && nk.Seq < _ring[_head].Seq))
            {
                _niced.Dequeue();
                task = n;
                seq = nk.Seq;
                return true;
            }
        }

        if (_count == 0)
        {
            task = null!;
            seq = 0;
            return false;
        }

        ref var e = ref _ring[_head];
        task = e.Task;
        seq = e.Seq;
        e = default;
        _head = (_head + 1) & (_ring.Length - 1);
        _count--;
        return true;
    }

    private void Grow()
    {
        var ring = new Entry[_ring.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            ring[i] = _ring[(_head + i) & (_ring.Length - 1)];
        }

        _ring = ring;
        _head = 0;
    }

    private struct Entry
    {
        public EngineTask Task;
        public long Key;
        public long Seq;
    }
}
