using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Ports;
using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.StreamInterfaces;

/// <summary>
/// Forwarding through a kernel pipe (1.4's <c>stream_sock_splice_in</c> and the pipe part of
/// <c>stream_sock_write_loop</c>): when nothing has to see the bytes, they go socket → pipe → socket with splice()
/// and never cross user space. Plain recv/send stays the path whenever a condition fails.
/// </summary>
public sealed partial class StreamInterface
{
    /// <summary>
    /// The read side through the pipe. True when this read event was handled there (bytes moved, end of stream,
    /// error or nothing to read); false when the buffer path must read (splicing not wanted, bytes already in the
    /// buffer, no pipe available, the kernel refused).
    /// </summary>
    private bool SpliceIn(IConnection conn)
    {
        var s = Owner;
        var loop = s.Loop;
        if (!loop.Global.UseSplice)
        {
            return false;
        }

        var options = s.Fe.Options | s.Be.Options;
        if ((options & ProxyOptions.SpliceAuto) != 0)
        {
            // BF_STREAMER_FAST: read events that each brought a full buffer, three in a row.
            var moved = Ib.Total - Ib.TotalAtLastRead;
            Ib.FullReads = moved >= Ib.Size ? Ib.FullReads + 1 : 0;
            Ib.TotalAtLastRead = Ib.Total;
        }

        var wanted = ReferenceEquals(Ib, s.Req) ? ProxyOptions.SpliceRequest : ProxyOptions.SpliceResponse;
        if (Ib.SpliceOff || Ib.Analysers != 0 || !Ib.Forwarding || Ib.Length != 0
            || ((options & wanted) == 0 && ((options & ProxyOptions.SpliceAuto) == 0 || !Ib.IsFastStreamer)))
        {
            return false;
        }

        var pipe = Ib.Pipe;
        if (pipe is null)
        {
            pipe = loop.GetPipe();
            if (pipe is null)
            {
                return false; // maxpipes reached or no pipe now: copy
            }

            Ib.AttachPipe(pipe);
        }

        while (true)
        {
            var room = pipe.Capacity - pipe.Data;
            if (room <= 0)
            {
                PipeIsFull();
                break;
            }

            var n = conn.SpliceIn(pipe, room, out var status, out var unsupported);
            if (status == IoStatus.Ok && n > 0)
            {
                Ib.PipedIn(n);
                Ib.Flags |= ChannelFlags.ReadPartial;
                continue;
            }

            if (unsupported)
            {
                // The kernel cannot splice this socket: copy from now on (the pipe is still empty here).
                Ib.SpliceOff = true;
                if (pipe.Data == 0 && Ib.DetachPipe() is { } unused)
                {
                    loop.PutPipe(unused);
                }

                return false;
            }

            if (status == IoStatus.EndOfStream)
            {
                Ib.Flags |= ChannelFlags.ReadNull;
                if ((Ib.Flags & ChannelFlags.AutoClose) != 0)
                {
                    Ib.ShutWNow();
                }

                ShutR();
                break;
            }

            if (status == IoStatus.Error)
            {
                Flags |= SiFlags.Err;
                Ib.Flags |= ChannelFlags.ReadError;
                conn.SetInterest(false, false);
                break;
            }

            // WouldBlock: with bytes in the pipe the kernel may mean "pipe full" (1.4 assumes so); the
            // transport keeps the socket readable then, and reading resumes once the consumer drained some.
            if (pipe.Data > 0)
            {
                PipeIsFull();
            }

            break;
        }

        return true;
    }

    /// <summary>
    /// Sends what the pipe of <see cref="Ob"/> holds. Returns 0 when the pipe is empty (buffered bytes may follow),
    /// 1 when bytes stay in it (the socket is full), -1 on a socket error (flags set as for a failed send).
    /// </summary>
    private int SpliceOut(IConnection conn)
    {
        var pipe = Ob.Pipe;
        if (pipe is null || (Ob.Flags & ChannelFlags.ShutW) != 0)
        {
            return 0;
        }

        while (pipe.Data > 0)
        {
            var n = conn.SpliceOut(pipe, out var status);
            if (status == IoStatus.Ok && n > 0)
            {
                Ob.Flags |= ChannelFlags.WritePartial;
                Ob.PipeFull = false;
                continue;
            }

            if (status == IoStatus.Error)
            {
                Flags |= SiFlags.Err;
                Ob.Flags |= ChannelFlags.WriteError;
                conn.SetInterest(false, false);
                return -1;
            }

            return 1; // the socket is full: wait for it
        }

        // Drained: the pipe goes back to the pool (1.4's put_pipe), so idle sessions hold none.
        if (Ob.DetachPipe() is { } empty)
        {
            Owner.Loop.PutPipe(empty);
        }

        return 0;
    }

    private void PipeIsFull()
    {
        Ib.PipeFull = true;
        Flags |= SiFlags.WaitRoom;
        UpdateInterest();
    }
}
