using HaproxyNet.Core.Tasks;

namespace HaproxyNet.Core.Sessions;

/// <summary>An exception raised by one of the session's socket callbacks, kept for its task to act on.</summary>
public sealed partial class Session
{
    /// <summary>The first exception a socket callback raised; the task then ends the session (ProcessSession.Abort).</summary>
    public Exception? PendingFault { get; private set; }

    /// <summary>Records <paramref name="error"/> and wakes the task, which ends the session on its next run.</summary>
    internal void Fault(Exception error)
    {
        PendingFault ??= error;
        Loop.Scheduler.Wakeup(Task, TaskWoken.Io);
    }
}
