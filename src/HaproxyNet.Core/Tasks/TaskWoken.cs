namespace HaproxyNet.Core.Tasks;

/// <summary>Why a task was woken (1.4's TASK_WOKEN_* bits, include/types/task.h).</summary>
[Flags]
public enum TaskWoken
{
    None = 0,
    Init = 1,
    Timer = 2,
    Io = 4,
    Signal = 8,
    Msg = 16,
    Res = 32,
    Other = 64,
}
