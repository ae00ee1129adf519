using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Tasks;

/// <summary>A schedulable unit: a session, a warm-up or a check (1.4's <c>struct task</c>).</summary>
/// <remarks>
/// The wait-queue position (<see cref="WaitKey"/>) may be earlier than <see cref="Expire"/>: requeueing is lazy,
/// as in 1.4's <c>task_queue</c>.
/// </remarks>
public abstract class EngineTask
{
    /// <summary>Expiry tick (<see cref="Ticks.Eternity"/> = none).</summary>
    public int Expire { get; set; }

    /// <summary>Scheduling niceness (-1024..1024); 0 for sessions of proxy listeners.</summary>
    public int Nice { get; set; }

    /// <summary>The reasons accumulated since the task was last put in the run queue.</summary>
    public TaskWoken Woken { get; internal set; }

    /// <summary>True while <see cref="Process"/> runs.</summary>
    public bool IsRunning { get; internal set; }

    /// <summary>Number of times the task ran (1.4's <c>calls</c>, shown by <c>show sess</c>).</summary>
    public int Calls { get; internal set; }

    internal bool InWaitQueue { get; set; }

    internal int WaitKey { get; set; }

    internal long WaitSeq { get; set; }

    /// <summary>Wait-queue order key: <see cref="WaitKey"/> as absolute ms (ticks wrap), then <see cref="WaitSeq"/>.</summary>
    internal long WaitAbsoluteMs { get; set; }

    /// <summary>Slot in the wait-queue heap while <see cref="InWaitQueue"/>.</summary>
    internal int WaitSlot { get; set; }

    internal bool InRunQueue { get; set; }

    internal long RunSeq { get; set; }

    internal bool Deleted { get; set; }

    /// <summary>Runs the task; returns false when the task has freed itself (1.4 returns NULL).</summary>
    public abstract bool Process();
}
