using HaproxyNet.Core.Tasks;
using HaproxyNet.Core.Time;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Tasks;

public class SchedulerTests
{
    private sealed class RecordingTask(List<string> log, string name) : EngineTask
    {
        public Func<RecordingTask, bool>? OnRun { get; set; }

        public override bool Process()
        {
            log.Add(name);
            return OnRun?.Invoke(this) ?? true;
        }
    }

    private static (ManualTimeProvider Time, EngineClock Clock, Scheduler Sched) Create()
    {
        var time = new ManualTimeProvider();
        var clock = new EngineClock(time);
        return (time, clock, new Scheduler(clock));
    }

    private static void AdvanceTo(ManualTimeProvider time, EngineClock clock, int deltaMs)
    {
        time.Advance(TimeSpan.FromMilliseconds(deltaMs));
        clock.Update(deltaMs, interrupted: false);
    }

    [Fact]
    public void WakeExpiredTasks_EqualExpiry_WakesInInsertionOrder()
    {
        var (time, clock, sched) = Create();
        var log = new List<string>();
        var a = new RecordingTask(log, "a") { Expire = Ticks.Add(clock.NowMs, 100) };
        var b = new RecordingTask(log, "b") { Expire = Ticks.Add(clock.NowMs, 100) };
        var c = new RecordingTask(log, "c") { Expire = Ticks.Add(clock.NowMs, 50) };
        sched.Queue(b);
        sched.Queue(a);
        sched.Queue(c);

        AdvanceTo(time, clock, 100);
        sched.WakeExpiredTasks();
        var next = Ticks.Eternity;
        a.Expire = b.Expire = c.Expire = Ticks.Eternity;
        sched.ProcessRunnableTasks(ref next);

        Assert.Equal(["c", "b", "a"], log);
    }

    [Fact]
    public void WakeExpiredTasks_OneMsBeforeExpiry_DoesNotWake()
    {
        var (time, clock, sched) = Create();
        var log = new List<string>();
        var t = new RecordingTask(log, "t") { Expire = Ticks.Add(clock.NowMs, 100) };
        sched.Queue(t);

        AdvanceTo(time, clock, 99);
        var next = sched.WakeExpiredTasks();

        Assert.Equal(0, sched.RunQueueLength);
        Assert.Equal(t.Expire, next);

        AdvanceTo(time, clock, 1);
        sched.WakeExpiredTasks();
        Assert.Equal(1, sched.RunQueueLength);
        Assert.Equal(TaskWoken.Timer, t.Woken);
    }

    [Fact]
    public void Queue_LaterExpiry_KeepsEarlierPositionThenRequeuesLazily()
    {
        var (time, clock, sched) = Create();
        var log = new List<string>();
        var t = new RecordingTask(log, "t") { Expire = Ticks.Add(clock.NowMs, 100) };
        sched.Queue(t);
        t.Expire = Ticks.Add(clock.NowMs, 300);
        sched.Queue(t); // later: position stays at +100

        AdvanceTo(time, clock, 100);
        var next = sched.WakeExpiredTasks(); // key passed, real expiry not: re-inserted at +300

        Assert.Equal(0, sched.RunQueueLength);
        Assert.Equal(t.Expire, next);

        AdvanceTo(time, clock, 200);
        sched.WakeExpiredTasks();
        Assert.Equal(1, sched.RunQueueLength);
    }

    [Fact]
    public void Queue_EarlierExpiry_MovesTaskForward()
    {
        var (time, clock, sched) = Create();
        var t = new RecordingTask([], "t") { Expire = Ticks.Add(clock.NowMs, 300) };
        sched.Queue(t);
        t.Expire = Ticks.Add(clock.NowMs, 100);
        sched.Queue(t);

        AdvanceTo(time, clock, 100);
        sched.WakeExpiredTasks();

        Assert.Equal(1, sched.RunQueueLength);
    }

    [Fact]
    public void Wakeup_AlreadyQueued_OnlyAddsReason()
    {
        var (_, _, sched) = Create();
        var log = new List<string>();
        var a = new RecordingTask(log, "a");
        var b = new RecordingTask(log, "b");
        sched.Wakeup(a, TaskWoken.Io);
        sched.Wakeup(b, TaskWoken.Io);
        sched.Wakeup(a, TaskWoken.Res);

        var next = Ticks.Eternity;
        sched.ProcessRunnableTasks(ref next);

        Assert.Equal(["a", "b"], log);
        Assert.Equal(TaskWoken.Io | TaskWoken.Res, a.Woken);
    }

    [Fact]
    public void ProcessRunnableTasks_TaskWokenDuringPass_RunsInSamePassWithinBudget()
    {
        var (_, _, sched) = Create();
        var log = new List<string>();
        var b = new RecordingTask(log, "b");
        var a = new RecordingTask(log, "a") { OnRun = _ => { sched.Wakeup(b, TaskWoken.Msg); return true; } };
        var c = new RecordingTask(log, "c");
        sched.Wakeup(a, TaskWoken.Init);
        sched.Wakeup(c, TaskWoken.Init);

        var next = Ticks.Eternity;
        sched.ProcessRunnableTasks(ref next); // budget 2 at entry: a, c

        Assert.Equal(["a", "c"], log);
        Assert.Equal(1, sched.RunQueueLength);
        sched.ProcessRunnableTasks(ref next);
        Assert.Equal(["a", "c", "b"], log);
    }

    [Fact]
    public void ProcessRunnableTasks_SurvivorWithExpiry_IsQueuedAndLowersNext()
    {
        var (_, clock, sched) = Create();
        var t = new RecordingTask([], "t");
        t.OnRun = self => { self.Expire = Ticks.Add(clock.NowMs, 40); return true; };
        sched.Wakeup(t, TaskWoken.Init);

        var next = Ticks.Add(clock.NowMs, 1000);
        sched.ProcessRunnableTasks(ref next);

        Assert.Equal(Ticks.Add(clock.NowMs, 40), next);
        Assert.Equal(next, sched.WakeExpiredTasks());
    }

    [Fact]
    public void Delete_QueuedTask_NeverRuns()
    {
        var (time, clock, sched) = Create();
        var log = new List<string>();
        var t = new RecordingTask(log, "t") { Expire = Ticks.Add(clock.NowMs, 10) };
        sched.Queue(t);
        sched.Wakeup(t, TaskWoken.Io);
        sched.Delete(t);

        AdvanceTo(time, clock, 20);
        sched.WakeExpiredTasks();
        var next = Ticks.Eternity;
        sched.ProcessRunnableTasks(ref next);

        Assert.Empty(log);
        Assert.Equal(0, sched.RunQueueLength);
    }

    [Fact]
    public void ProcessRunnableTasks_NicedTasks_RunInKeyOrderAmongPlainOnes()
    {
        var (_, _, sched) = Create();
        var log = new List<string>();
        sched.Wakeup(new RecordingTask(log, "a"), TaskWoken.Io); // key 1
        sched.Wakeup(new RecordingTask(log, "b"), TaskWoken.Io); // key 2
        sched.Wakeup(new RecordingTask(log, "c") { Nice = -1024 }, TaskWoken.Io); // 3 + 2 * -1024 / 32 = -61
        sched.Wakeup(new RecordingTask(log, "d") { Nice = 1024 }, TaskWoken.Io); // 4 + 3 * 1024 / 32 = 100
        sched.Wakeup(new RecordingTask(log, "e"), TaskWoken.Io); // key 5
        sched.Wakeup(new RecordingTask(log, "f") { Nice = 32 }, TaskWoken.Io); // 6 + 5 * 32 / 32 = 11

        var next = Ticks.Eternity;
        sched.ProcessRunnableTasks(ref next);

        Assert.Equal(["c", "a", "b", "e", "f", "d"], log);
        Assert.Equal(0, sched.RunQueueLength);
    }

    [Fact]
    public void WakeExpiredTasks_ManyRequeuedAndDeleted_WakesEachLiveTaskAtItsExpiry()
    {
        var (time, clock, sched) = Create();
        var rnd = new Random(7);
        var tasks = new RecordingTask[300];
        var ranAt = new int?[tasks.Length];
        for (var i = 0; i < tasks.Length; i++)
        {
            var id = i;
            tasks[i] = new RecordingTask([], "t" + i) { Expire = Ticks.Add(clock.NowMs, rnd.Next(10, 60)) };
            tasks[i].OnRun = self =>
            {
                Assert.Null(ranAt[id]);
                Assert.Equal(self.Expire, clock.NowMs); // woken at its last expiry, not at an earlier position
                ranAt[id] = clock.NowMs;
                self.Expire = Ticks.Eternity;
                return true;
            };
            sched.Queue(tasks[i]);
        }

        for (var i = 0; i < tasks.Length; i += 3)
        {
            tasks[i].Expire = Ticks.Add(clock.NowMs, rnd.Next(1, 70)); // earlier moves it, later is lazy
            sched.Queue(tasks[i]);
        }

        var deleted = 0;
        for (var i = 1; i < tasks.Length; i += 5)
        {
            sched.Delete(tasks[i]);
            deleted++;
        }

        Assert.Equal(tasks.Length - deleted, sched.WaitQueueLength);
        var next = Ticks.Eternity;
        for (var ms = 0; ms < 80; ms++)
        {
            AdvanceTo(time, clock, 1);
            sched.WakeExpiredTasks();
            sched.ProcessRunnableTasks(ref next);
        }

        for (var i = 0; i < tasks.Length; i++)
        {
            Assert.Equal(i % 5 != 1, ranAt[i].HasValue);
        }

        Assert.Equal(0, sched.WaitQueueLength);
    }

    [Fact]
    public void Delete_QueuedTask_LeavesNoWaitQueueEntry()
    {
        var (_, clock, sched) = Create();
        var a = new RecordingTask([], "a") { Expire = Ticks.Add(clock.NowMs, 10) };
        var b = new RecordingTask([], "b") { Expire = Ticks.Add(clock.NowMs, 20) };
        sched.Queue(a);
        sched.Queue(b);
        a.Expire = Ticks.Add(clock.NowMs, 5);
        sched.Queue(a); // earlier: moved, not duplicated

        Assert.Equal(2, sched.WaitQueueLength);
        sched.Delete(a);
        Assert.Equal(1, sched.WaitQueueLength);
        Assert.Equal(b.Expire, sched.WakeExpiredTasks());
    }
}
