namespace HaproxyNet.Core.Tasks;

/// <summary>
/// The wait queue's binary min-heap on (<see cref="EngineTask.WaitAbsoluteMs"/>, <see cref="EngineTask.WaitSeq"/>),
/// each task knowing its slot (<see cref="EngineTask.WaitSlot"/>) so it can be moved or removed in place.
/// </summary>
internal sealed class WaitHeap
{
    private Slot[] _slots = new Slot[64];

    /// <summary>Tasks in the heap.</summary>
    public int Count { get; private set; }

    /// <summary>The earliest task, or null when empty.</summary>
    public EngineTask? Peek() => Count == 0 ? null : _slots[0].Task;

    public void Add(EngineTask task)
    {
        if (Count == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }

        SiftUp(Count++, task);
    }

    /// <summary>Restores the order after the task's key changed.</summary>
    public void Update(EngineTask task)
    {
        var i = task.WaitSlot;
        if (i > 0 && Less(task, _slots[(i - 1) >> 1].Task))
        {
            SiftUp(i, task);
        }
        else
        {
            SiftDown(i, task);
        }
    }

    public void Remove(EngineTask task)
    {
        var i = task.WaitSlot;
        var last = _slots[--Count].Task;
        _slots[Count] = default;
        if (i == Count)
        {
            return;
        }

        if (i > 0 && Less(last, _slots[(i - 1) >> 1].Task))
        {
            SiftUp(i, last);
        }
        else
        {
            SiftDown(i, last);
        }
    }

    private static bool Less(EngineTask a, EngineTask b) =>
        a.WaitAbsoluteMs < b.WaitAbsoluteMs || (a.WaitAbsoluteMs == b.WaitAbsoluteMs && a.WaitSeq < b.WaitSeq);

    private void SiftUp(int i, EngineTask task)
    {
        var slots = _slots;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            var p = slots[parent].Task;
            if (!Less(task, p))
            {
                break;
            }

            slots[i].Task = p;
            p.WaitSlot = i;
            i = parent;
        }

        slots[i].Task = task;
        task.WaitSlot = i;
    }

    private void SiftDown(int i, EngineTask task)
    {
        var slots = _slots;
        var n = Count;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= n)
            {
                break;
            }

            var c = slots[child].Task;
            if (child + 1 < n && Less(slots[child + 1].Task, c))
            {
                c = slots[++child].Task;
            }

            if (!Less(c, task))
            {
                break;
            }

            slots[i].Task = c;
            c.WaitSlot = i;
            i = child;
        }

        slots[i].Task = task;
        task.WaitSlot = i;
    }

    /// <summary>An array element of a struct type: storing into it skips the covariance check of a class array.</summary>
    private struct Slot
    {
        public EngineTask Task;
    }
}
