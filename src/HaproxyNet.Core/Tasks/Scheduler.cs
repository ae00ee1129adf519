using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Tasks;

/// <summary>The wait queue (timers) and the run queue of the engine thread.</summary>
/// <remarks>
/// HAProxy 1.4 src/task.c: <c>task_queue</c>, <c>task_schedule</c>, <c>task_wakeup</c>, <c>wake_expired_tasks</c>,
/// <c>process_runnable_tasks</c>. The wait queue is an array heap indexed by the tasks themselves (each knows its slot),
/// so a deleted or requeued task leaves no stale entry behind (1.4's ebtree deletes in place too). The run queue is a
/// FIFO ring for nice-0 tasks, whose keys only grow, merged with a heap for the niced ones: the order is the same as
/// one heap on (key, sequence), without a heap operation per wake-up. Neither allocates per event.
/// </remarks>
public sealed class Scheduler
{
    /// <summary>Upper bound of tasks run per pass (1.4's 200).</summary>
    public const int MaxRunPerPass = 200;

    private readonly EngineClock _clock;
    private readonly WaitHeap _waitQueue = new();
    private readonly RunQueue _runQueue = new();
    private long _waitSeq;
    private long _runSeq;
    private long _rqueueTicks;

    public Scheduler(EngineClock clock)
    {
        _clock = clock;
    }

    /// <summary>Number of tasks in the run queue (run_queue).</summary>
    public int RunQueueLength { get; private set; }

    /// <summary>Tasks in the wait queue (each once: a requeued or deleted task leaves no entry behind).</summary>
    internal int WaitQueueLength => _waitQueue.Count;

    /// <summary>task_queue: (re)inserts the task in the wait queue unless its queued position is already earlier.</summary>
    public void Queue(EngineTask task)
    {
        if (!Ticks.IsSet(task.Expire) || task.Deleted)
        {
            return;
        }

        if (task.InWaitQueue && !Ticks.IsLt(task.Expire, task.WaitKey))
        {
            return; // lazy requeue: a later expiry keeps the earlier position
        }

        Insert(task);
    }

    /// <summary>task_schedule: ignored while in the run queue; else expire = earliest of both, then queue.</summary>
    public void Schedule(EngineTask task, int when)
    {
        if (task.InRunQueue)
        {
            return;
        }

        task.Expire = task.InWaitQueue ? Ticks.First(when, task.WaitKey) : when;
        Queue(task);
    }

    /// <summary>task_wakeup: puts the task in the run queue (FIFO) or only adds the reason if already there.</summary>
    public void Wakeup(EngineTask task, TaskWoken reason)
    {
        if (task.Deleted)
        {
            return;
        }

        if (!task.InRunQueue)
        {
            var key = ++_rqueueTicks;
            if (task.Nice != 0)
            {
                key += (long)RunQueueLength * task.Nice / 32;
            }

            task.Woken = TaskWoken.None;
            task.InRunQueue = true;
            task.RunSeq = ++_runSeq;
            RunQueueLength++;
            _runQueue.Enqueue(task, key, task.RunSeq, task.Nice == 0);
        }

        task.Woken |= reason;
    }

    /// <summary>task_delete: removes the task from both queues for good (task_free follows).</summary>
    public void Delete(EngineTask task)
    {
        task.Deleted = true;
        if (task.InWaitQueue)
        {
            _waitQueue.Remove(task);
            task.InWaitQueue = false;
        }

        if (task.InRunQueue)
        {
            task.InRunQueue = false;
            RunQueueLength--;
        }
    }

    /// <summary>
    /// wake_expired_tasks: wakes every task whose wait-queue key has passed and whose real expiry is reached;
    /// re-inserts the others at their real expiry. Returns the next key to wait for, or eternity.
    /// </summary>
    public int WakeExpiredTasks()
    {
        var now = _clock.NowMs;
        while (_waitQueue.Peek() is { } task)
        {
            if (!Ticks.IsExpired(task.WaitKey, now))
            {
                return task.WaitKey;
            }

            _waitQueue.Remove(task);
            task.InWaitQueue = false;
            if (!Ticks.IsExpired(task.Expire, now))
            {
                if (Ticks.IsSet(task.Expire))
                {
                    Insert(task);
                }

                continue;
            }

            Wakeup(task, TaskWoken.Timer);
        }

        return Ticks.Eternity;
    }

    /// <summary>
    /// process_runnable_tasks: runs at most min(run queue length, 200) tasks in wake-up order (tasks woken during the
    /// pass may run in it); each surviving task with an expiry is queued and lowers <paramref name="next"/>.
    /// </summary>
    public void ProcessRunnableTasks(ref int next)
    {
        var budget = Math.Min(RunQueueLength, MaxRunPerPass);
        while (budget > 0 && _runQueue.TryDequeue(out var task, out var seq))
        {
            if (!task.InRunQueue || task.RunSeq != seq)
            {
                continue;
            }

            budget--;
            task.InRunQueue = false;
            RunQueueLength--;
            task.IsRunning = true;
            task.Calls++;
            var alive = task.Process();
            task.IsRunning = false;
            if (alive && !task.Deleted && Ticks.IsSet(task.Expire))
            {
                Queue(task);
                next = Ticks.First(next, task.Expire);
            }
        }
    }

    private void Insert(EngineTask task)
    {
        task.WaitKey = task.Expire;
        task.WaitSeq = ++_waitSeq;

        // Ticks wrap: order by the distance from now, which stays exact within +/- 24 days.
        task.WaitAbsoluteMs = _clock.NowUs / 1000 + unchecked(task.Expire - _clock.NowMs);
        if (task.InWaitQueue)
        {
            _waitQueue.Update(task);
        }
        else
        {
            task.InWaitQueue = true;
            _waitQueue.Add(task);
        }
    }
}
