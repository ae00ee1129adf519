namespace HaproxyNet.Core.Buffers;

/// <summary>Buffer flags (1.4's BF_*, include/types/buffer.h), the subset the TCP engine needs.</summary>
[Flags]
public enum ChannelFlags
{
    None = 0,

    /// <summary>BF_READ_NULL: the producer reported end of stream this turn.</summary>
    ReadNull = 1 << 0,

    /// <summary>BF_READ_PARTIAL: some data were read this turn.</summary>
    ReadPartial = 1 << 1,

    /// <summary>BF_READ_TIMEOUT: the read timeout struck.</summary>
    ReadTimeout = 1 << 2,

    /// <summary>BF_READ_ERROR: unrecoverable read error.</summary>
    ReadError = 1 << 3,

    /// <summary>BF_WRITE_NULL: connect completed with nothing written.</summary>
    WriteNull = 1 << 4,

    /// <summary>BF_WRITE_PARTIAL: some data were written this turn.</summary>
    WritePartial = 1 << 5,

    /// <summary>BF_WRITE_TIMEOUT.</summary>
    WriteTimeout = 1 << 6,

    /// <summary>BF_WRITE_ERROR.</summary>
    WriteError = 1 << 7,

    /// <summary>BF_SHUTR: the producer will not provide data any more.</summary>
    ShutR = 1 << 8,

    /// <summary>BF_SHUTR_NOW: the producer must shut as soon as possible.</summary>
    ShutRNow = 1 << 9,

    /// <summary>BF_SHUTW: the consumer will not accept data any more.</summary>
    ShutW = 1 << 10,

    /// <summary>BF_SHUTW_NOW: the consumer must shut once the buffer is empty.</summary>
    ShutWNow = 1 << 11,

    /// <summary>BF_AUTO_CLOSE: propagate a read shutdown to the write side automatically.</summary>
    AutoClose = 1 << 12,

    /// <summary>BF_AUTO_CONNECT: the consumer may connect without waiting for data.</summary>
    AutoConnect = 1 << 13,

    /// <summary>BF_READ_ATTACHED: the producer just got attached (wakes analysers).</summary>
    ReadAttached = 1 << 14,

    /// <summary>BF_ANA_TIMEOUT: the analyser timeout struck.</summary>
    AnaTimeout = 1 << 15,

    /// <summary>BF_READ_NOEXP: the read timeout is suspended.</summary>
    ReadNoExp = 1 << 16,

    /// <summary>BF_DONT_READ: do not read from the producer.</summary>
    DontRead = 1 << 17,

    /// <summary>
    /// BF_READ_DONTWAIT: the next read returns after its first successful recv() instead of reading until EAGAIN
    /// (set on a new request channel: "we plan to read small requests"); cleared by that read.
    /// </summary>
    ReadDontWait = 1 << 18,

    /// <summary>BF_READ_ACTIVITY.</summary>
    ReadActivity = ReadNull | ReadPartial | ReadError,

    /// <summary>BF_WRITE_ACTIVITY.</summary>
    WriteActivity = WriteNull | WritePartial | WriteError,

    /// <summary>Flags cleared at the end of each process_session run.</summary>
    OneShot = ReadNull | ReadPartial | WriteNull | WritePartial | ReadAttached,
}
