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
}
