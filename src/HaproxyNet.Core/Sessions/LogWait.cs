namespace HaproxyNet.Core.Sessions;

/// <summary>What a log line still waits for (1.4's LW_* bits of <c>to_log</c> / <c>logwait</c>).</summary>
[Flags]
public enum LogWait
{
    None = 0,
    Date = 1,
    Clip = 2,
    Svip = 4,
    Svid = 8,
    Req = 16,
    Resp = 32,
    Pxip = 64,
    Pxid = 128,
    Bytes = 256,

    /// <summary><c>option tcplog</c>: LW_CLIP | LW_SVID | LW_PXID | LW_BYTES.</summary>
    TcpLog = Clip | Svid | Pxid | Bytes,
}
