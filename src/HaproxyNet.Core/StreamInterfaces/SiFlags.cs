namespace HaproxyNet.Core.StreamInterfaces;

/// <summary>Stream interface flags (1.4's SI_FL_*).</summary>
[Flags]
public enum SiFlags
{
    None = 0,

    /// <summary>SI_FL_EXP: the interface timer (connect/queue/turn-around) expired.</summary>
    Exp = 1,

    /// <summary>SI_FL_ERR: a socket error was reported.</summary>
    Err = 2,

    /// <summary>SI_FL_WAIT_ROOM: waiting for room in the input buffer.</summary>
    WaitRoom = 4,

    /// <summary>SI_FL_WAIT_DATA: waiting for data in the output buffer.</summary>
    WaitData = 8,

    /// <summary>SI_FL_CAP_SPLTCP: unused (no splice).</summary>
    CapSplice = 16,

    /// <summary>SI_FL_DONT_WAKE: the owner task is running; callbacks must not wake it.</summary>
    DontWake = 32,

    /// <summary>SI_FL_INDEP_STR: independent streams (a write does not re-arm the read timer).</summary>
    IndepStr = 64,

    /// <summary>SI_FL_NOLINGER: close with RST.</summary>
    NoLinger = 128,
}
