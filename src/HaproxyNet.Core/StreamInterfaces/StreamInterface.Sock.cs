using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Ports;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.StreamInterfaces;

/// <summary>Socket callbacks and shutdowns (1.4's src/stream_sock.c).</summary>
public sealed partial class StreamInterface
{
    /// <summary>
    /// 1.4's MIN_RECV_AT_ONCE_ENOUGH (<c>global.tune.recv_enough</c>, 7 × 1448): a read of at least this much that
    /// did not fill the buffer means the kernel had no more, so the read event stops there.
    /// </summary>
    internal const int RecvEnough = 7 * 1448;

    /// <summary>1.4's MAX_READ_POLL_LOOPS: at most this many recv() calls with data per read event.</summary>
    internal const int MaxReadPollLoops = 4;

    /// <summary>stream_sock_read; an exception becomes a fault of the session (it ends it on its next run).</summary>
    public void OnReadable()
    {
        try
        {
            ReadEvent();
        }
        catch (Exception e)
        {
            Owner.Fault(e);
        }
    }

    /// <summary>stream_sock_write; an exception becomes a fault of the session (it ends it on its next run).</summary>
    public void OnWritable()
    {
        try
        {
            WriteEvent();
        }
        catch (Exception e)
        {
            Owner.Fault(e);
        }
    }

    /// <summary>stream_sock_read: drains the socket into <see cref="Ib"/>, handles end of stream and errors.</summary>
    private void ReadEvent()
    {
        Owner.Loop.Clock.EnsureFresh();
        var conn = Connection;
        if (conn is null || (Ib.Flags & ChannelFlags.ShutR) != 0)
        {
            return;
        }

        if (State == SiState.Con)
        {
            // A read event during connect means the connect completed (or failed): let the write side decide.
            WriteEvent();
            if (State == SiState.Con || Connection is null)
            {
                return;
            }
        }

        var dontWait = (Ib.Flags & ChannelFlags.ReadDontWait) != 0;
        var spliced = SpliceIn(conn); // through the kernel pipe when nothing needs to see the bytes
        var reads = MaxReadPollLoops;
        while (!spliced)
        {
            if (Ib.IsFull)
            {
                Flags |= SiFlags.WaitRoom;
                UpdateInterest();
                break;
            }

            var room = Ib.GetWriteSpan();
            var n = conn.Receive(room, out var status);
            if (status == IoStatus.Ok && n > 0)
            {
                Ib.Advance(n);
                Ib.Flags |= ChannelFlags.ReadPartial;
                if ((Ib.Flags & ChannelFlags.ReadDontWait) != 0)
                {
                    // A new request: analyse what came before reading on (a FIN behind it is seen on the next event).
                    Ib.Flags &= ~ChannelFlags.ReadDontWait;
                    break;
                }

                if ((n < room.Length && n >= RecvEnough) || --reads <= 0)
                {
                    // A large read that did not fill the room: the kernel gave what it had, asking again would
                    // almost surely meet EAGAIN (the socket stays ready, so the next poll turn comes back here).
                    break;
                }

                continue;
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

            break; // WouldBlock
        }

        if ((Ib.Flags & ChannelFlags.ReadPartial) != 0)
        {
            if (!Ib.IsOutEmpty && Ib.Consumer is { State: SiState.Est } cons)
            {
                cons.ChkSnd(); // forward immediately, as 1.4 does when the consumer waits for data
            }

            if ((Flags & SiFlags.WaitRoom) != 0)
            {
                Ib.Rex = Ticks.Eternity; // no read timeout while the consumer has to make room
            }
            else if ((Ib.Flags & (ChannelFlags.ShutR | ChannelFlags.DontRead | ChannelFlags.ReadNoExp)) == 0)
            {
                Ib.Rex = Ticks.AddIfSet(Now, Ib.Rto);
            }
        }

        Ib.Release();

        // 1.4's rule: bytes that only pass through do not wake the session; an event, the end of what was to be
        // forwarded or a side not established does.
        if (dontWait || (Ib.Flags & (ChannelFlags.ReadNull | ChannelFlags.ReadError | ChannelFlags.ShutR)) != 0
            || Ib.ToForward == 0 || State != SiState.Est || Ib.Consumer is not { State: SiState.Est }
            || (Flags & SiFlags.Err) != 0)
        {
            WakeOwner();
        }
    }

    /// <summary>stream_sock_write: completes a pending connect, then sends what <see cref="Ob"/> holds.</summary>
    private void WriteEvent()
    {
        Owner.Loop.Clock.EnsureFresh();
        var conn = Connection;
        if (conn is null)
        {
            return;
        }

        if (State == SiState.Con)
        {
            var err = SendOnConnect(conn, out var sent);
            if (err < 0)
            {
                return; // still connecting: the transport calls again once the socket is writable
            }

            if (err != 0)
            {
                Flags |= SiFlags.Err;
                conn.SetInterest(false, false);
                WakeOwner();
                return;
            }

            // Connect succeeded: report write activity even with nothing to send.
            Ob.Flags |= ChannelFlags.WriteNull;
            conn.SetInterest(false, false); // the session turns CON into EST and re-arms polling
            if (sent > 0)
            {
                Ob.Consume(sent);
                Ob.Flags |= ChannelFlags.WritePartial;
            }
        }

        Send(conn);
        WakeOnWrite();
    }

    /// <summary>
    /// stream_sock_write's and chk_snd's rule: wake the session on a write event (connect done, error, shutdown),
    /// once nothing is left to send nor to forward, or when a side is not established; bytes that only pass
    /// through do not.
    /// </summary>
    private void WakeOnWrite()
    {
        if ((Ob.Flags & (ChannelFlags.WriteNull | ChannelFlags.WriteError | ChannelFlags.ShutW)) != 0
            || (Ob.IsOutEmpty && Ob.ToForward == 0) || State != SiState.Est || Ob.Producer is not { State: SiState.Est }
            || (Flags & SiFlags.Err) != 0)
        {
            WakeOwner();
        }
    }

    /// <inheritdoc/>
    /// <remarks>Data scheduled in the buffer (not in a pipe) and the write side open: <see cref="SendOnConnect"/> sends it.</remarks>
    public bool ConfirmsConnectBySend => Ob.SendMax != 0 && Ob.PipeData == 0 && (Ob.Flags & ChannelFlags.ShutW) == 0;

    /// <summary>
    /// The verdict of a pending connect (0 connected, an errno, -1 still in progress). As 1.4's stream_sock_write,
    /// with data waiting in the buffer the first send() is the check (<paramref name="sent"/> bytes went out); only
    /// with nothing to send is the transport asked (it checked the connect before calling). A send that fails asks
    /// the transport too, so a connect that succeeded before the peer went away stays a success.
    /// </summary>
    private int SendOnConnect(IConnection conn, out int sent)
    {
        sent = 0;
        if (!ConfirmsConnectBySend)
        {
            return conn.TakeSocketError();
        }

        var n = conn.Send(Ob.GetSendSpan(), out var status);
        if (status == IoStatus.Ok)
        {
            sent = n;
            return 0;
        }

        return status == IoStatus.WouldBlock ? -1 : conn.TakeSocketError();
    }

    /// <summary>chk_snd: try to send now if established and data is waiting.</summary>
    internal void ChkSnd()
    {
        var conn = Connection;
        if (conn is null || State != SiState.Est || (Ob.Flags & ChannelFlags.ShutW) != 0)
        {
            return;
        }

        Send(conn);
        WakeOnWrite();
    }

    /// <summary>chk_rcv: re-enable reading after room was made.</summary>
    internal void ChkRcv()
    {
        if ((Flags & SiFlags.WaitRoom) != 0 && !Ib.IsFull && Connection is not null && State == SiState.Est)
        {
            Flags &= ~SiFlags.WaitRoom;
            UpdateInterest();
        }
    }

    private void Send(IConnection conn)
    {
        var piped = SpliceOut(conn); // bytes in the pipe leave first
        if (piped < 0)
        {
            return;
        }

        while (piped == 0 && !Ob.IsOutEmpty && (Ob.Flags & ChannelFlags.ShutW) == 0)
        {
            var n = conn.Send(Ob.GetSendSpan(), out var status);
            if (status == IoStatus.Ok && n > 0)
            {
                Ob.Consume(n);
                Ob.Flags |= ChannelFlags.WritePartial;
                continue;
            }

            if (status == IoStatus.Error)
            {
                Flags |= SiFlags.Err;
                Ob.Flags |= ChannelFlags.WriteError;
                conn.SetInterest(false, false);
                return;
            }

            break;
        }

        if ((Ob.Flags & ChannelFlags.WritePartial) != 0)
        {
            Ob.Wex = Ob.IsOutEmpty ? Ticks.Eternity : Ticks.AddIfSet(Now, Ob.Wto);
            if (Ticks.IsSet(Ib.Rex) && (Flags & SiFlags.IndepStr) == 0)
            {
                Ib.Rex = Ticks.AddIfSet(Now, Ib.Rto);
            }

            Ob.Producer?.ChkRcv();
        }

        if (Ob.IsOutEmpty && (Ob.Flags & (ChannelFlags.ShutW | ChannelFlags.ShutWNow)) == ChannelFlags.ShutWNow
            && State == SiState.Est)
        {
            ShutW();
            return;
        }

        if (State == SiState.Est && Connection is not null)
        {
            UpdateInterest();
        }
    }
}
