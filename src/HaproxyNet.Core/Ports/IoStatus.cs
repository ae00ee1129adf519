namespace HaproxyNet.Core.Ports;

/// <summary>Result of one non-blocking receive or send.</summary>
public enum IoStatus
{
    /// <summary>Bytes were moved (count returned).</summary>
    Ok,

    /// <summary>EAGAIN: nothing now, wait for readiness.</summary>
    WouldBlock,

    /// <summary>Receive only: the peer shut its write side (read returned 0).</summary>
    EndOfStream,

    /// <summary>Any other error (ECONNRESET, EPIPE, ECONNREFUSED...).</summary>
    Error,
}
