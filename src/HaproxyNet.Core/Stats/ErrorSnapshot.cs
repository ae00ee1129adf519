using System.Net;
using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Http.Parsing;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Stats;

/// <summary>
/// The last invalid request (kept by a frontend) or response (kept by a backend) that the HTTP parser met, for the
/// stats socket's <c>show errors</c> (1.4's <c>struct error_snapshot</c>). One per proxy and direction, overwritten
/// by the next capture; its byte copy is rented on the first capture only, so a proxy that never sees a bad message
/// holds no buffer.
/// </summary>
public sealed class ErrorSnapshot
{
    /// <summary>True once something was captured (1.4: <c>when.tv_sec != 0</c>).</summary>
    public bool Captured { get; private set; }

    /// <summary>Wall-clock date of the capture, in microseconds since the epoch.</summary>
    public long DateUs { get; private set; }

    /// <summary>Bytes from the start of the message to the end of the buffered data.</summary>
    public int Length { get; private set; }

    /// <summary>Position of the first invalid byte (else of the parser), relative to the message start.</summary>
    public int Position { get; private set; }

    /// <summary>The session's id (<c>uniq_id</c>).</summary>
    public long SessionId { get; private set; }

    /// <summary>The global event number (<see cref="EngineLoop.ErrorSnapshotId"/> at capture time).</summary>
    public long EventId { get; private set; }

    /// <summary>The message state the caller passed (1.4's <c>HTTP_MSG_*</c> number).</summary>
    public HttpMsgState State { get; private set; }

    /// <summary>The buffer's flags at capture time, as 1.4's <c>BF_*</c> bits (<see cref="LegacyBufferFlags"/>).</summary>
    public uint BufferFlags { get; private set; }

    /// <summary>The server the session was on, if any.</summary>
    public Server? Server { get; private set; }

    /// <summary>The other end: the session's backend for a request, its frontend for a response.</summary>
    public Proxy? OtherEnd { get; private set; }

    /// <summary>The client's address.</summary>
    public IPAddress Source { get; private set; } = IPAddress.Any;

    /// <summary>The copied bytes (at most the buffer size), valid for <see cref="Copied"/> bytes.</summary>
    public byte[] Bytes { get; private set; } = [];

    /// <summary>Number of valid bytes in <see cref="Bytes"/> (<c>min(len, bufsize)</c>).</summary>
    public int Copied => Math.Min(Length, Bytes.Length);

    /// <summary>
    /// 1.4's <c>http_capture_bad_message</c>: copies the message from <paramref name="som"/> to the end of
    /// <paramref name="buf"/>'s data and records where it went wrong (<paramref name="pos"/>, relative to the buffer).
    /// </summary>
    internal void Capture(Session s, Channel buf, int som, int pos, HttpMsgState state, Proxy otherEnd)
    {
        var data = buf.GetDataSpan();
        som = Math.Clamp(som, 0, data.Length);
        if (Bytes.Length < buf.Size)
        {
            Bytes = new byte[buf.Size]; // first capture of this proxy: the error path only
        }

        Length = data.Length - som;
        data.Slice(som, Math.Min(Length, Bytes.Length)).CopyTo(Bytes);
        Position = pos - som;
        DateUs = s.Loop.Clock.DateUs;
        SessionId = s.UniqId;
        Server = s.Srv;
        OtherEnd = otherEnd;
        Source = s.ClientAddress.Address;
        State = state;
        BufferFlags = LegacyBufferFlags(buf);
        EventId = s.Loop.ErrorSnapshotId++;
        Captured = true;
    }

    /// <summary>Captures a message whose headers the parser was reading (<c>err_pos</c> if set, else the parse position).</summary>
    internal void Capture(Session s, Channel buf, HttpMsg msg, HttpMsgState state, Proxy otherEnd) =>
        Capture(s, buf, msg.Som, msg.ErrPos >= 0 ? msg.ErrPos : msg.Next, state, otherEnd);

    /// <summary>
    /// The channel's flags as 1.4.25's <c>BF_*</c> bit values (<c>include/types/buffers.h</c>), which <c>show
    /// errors</c> prints: the flags HaproxyNet has at their 1.4 values, plus the ones 1.4 derives from the buffer's
    /// state (<c>BF_OUT_EMPTY</c>, <c>BF_FULL</c>).
    /// </summary>
    public static uint LegacyBufferFlags(Channel c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var f = c.Flags;
        uint bf = 0;
        bf |= (f & ChannelFlags.ReadNull) != 0 ? 0x000001u : 0;
        bf |= (f & ChannelFlags.ReadPartial) != 0 ? 0x000002u : 0;
        bf |= (f & ChannelFlags.ReadTimeout) != 0 ? 0x000004u : 0;
        bf |= (f & ChannelFlags.ReadError) != 0 ? 0x000008u : 0;
        bf |= c.Length >= c.ReadLimit ? 0x000010u : 0;
        bf |= (f & ChannelFlags.ShutR) != 0 ? 0x000020u : 0;
        bf |= (f & ChannelFlags.ShutRNow) != 0 ? 0x000040u : 0;
        bf |= (f & ChannelFlags.ReadNoExp) != 0 ? 0x000080u : 0;
        bf |= (f & ChannelFlags.WriteNull) != 0 ? 0x000100u : 0;
        bf |= (f & ChannelFlags.WritePartial) != 0 ? 0x000200u : 0;
        bf |= (f & ChannelFlags.WriteTimeout) != 0 ? 0x000400u : 0;
        bf |= (f & ChannelFlags.WriteError) != 0 ? 0x000800u : 0;
        bf |= c.IsOutEmpty ? 0x001000u : 0;
        bf |= (f & ChannelFlags.ShutW) != 0 ? 0x002000u : 0;
        bf |= (f & ChannelFlags.ShutWNow) != 0 ? 0x004000u : 0;
        bf |= (f & ChannelFlags.AutoClose) != 0 ? 0x008000u : 0;
        bf |= (f & ChannelFlags.AnaTimeout) != 0 ? 0x080000u : 0;
        bf |= (f & ChannelFlags.ReadAttached) != 0 ? 0x100000u : 0;
        bf |= (f & ChannelFlags.AutoConnect) != 0 ? 0x800000u : 0;
        bf |= (f & ChannelFlags.DontRead) != 0 ? 0x1000000u : 0;
        return bf;
    }
}
