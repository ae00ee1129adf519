using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Tasks;

/// <summary>The wait queue (timers) and the run queue of the engine thread.</summary>
/// <remarks>
/// HAProxy 1.4 src/task.c: <c>task_queue</c>, <c>task_schedule</c>, <c>task_wakeup</c>, <c>wake_expired_tasks</c>,
/// <c>process_runnable_tasks</c>. Both queues are array heaps with lazy deletion: an entry whose sequence number no
/// longer matches its task is stale and skipped, so no node is allocated per event.
/// </remarks>
public sealed class Scheduler
{
    /// <summary>Upper bound of tasks run per pass (1.4's 200).</summary>
    public const int MaxRunPerPass = 200;

    private readonly EngineClock _clock;
    private readonly PriorityQueue<EngineTask, (long AbsoluteMs, long Seq)> _waitQueue = new();
    private readonly PriorityQueue<EngineTask, (long Key, long Seq)> _runQueue = new();
    private long _waitSeq;
    private long _runSeq;
    private long _rqueueTicks;

    public Scheduler(EngineClock clock)
    {
        _clock = clock;
    }

    /// <summary>Number of tasks in the run queue (run_queue).</summary>
    public int RunQueueLength { get; private set; }

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
            _runQueue.Enqueue(task, (key, task.RunSeq));
        }

        task.Woken |= reason;
    }

    /// <summary>task_delete: removes the task from both queues for good (task_free follows).</summary>
    public void Delete(EngineTask task)
    {
        task.Deleted = true;
        task.InWaitQueue = false;
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
        while (_waitQueue.TryPeek(out var task, out var key))
        {
            if (!IsCurrent(task, key))
            {
                _waitQueue.Dequeue();
                continue;
            }

            if (!Ticks.IsExpired(task.WaitKey, now))
            {
                return task.WaitKey;
            }

            _waitQueue.Dequeue();
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
        while (budget > 0 && _runQueue.TryDequeue(out var task, out var key))
        {
            if (!task.InRunQueue || task.RunSeq != key.Seq)
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
        task.InWaitQueue = true;
        task.WaitKey = task.Expire;
        task.WaitSeq = ++_waitSeq;

        // Ticks wrap: order by the distance from now, which stays exact within +/- 24 days.
        var absolute = _clock.NowUs / 1000 + unchecked(task.Expire - _clock.NowMs);
        _waitQueue.Enqueue(task, (absolute, task.WaitSeq));
    }

    private static bool IsCurrent(EngineTask task, (long AbsoluteMs, long Seq) key) =>
        task.InWaitQueue && !task.Deleted && task.WaitSeq == key.Seq;
}
