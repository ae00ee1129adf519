using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.StreamInterfaces;

/// <summary>Shutdowns and poll-interest updates (1.4's stream_sock_shutr/shutw/data_finish).</summary>
public sealed partial class StreamInterface
{
    /// <summary>stream_sock_shutr: no more reads; closes the socket if the write side is already shut.</summary>
    public void ShutR()
    {
        Ib.Flags &= ~ChannelFlags.ShutRNow;
        if ((Ib.Flags & ChannelFlags.ShutR) != 0)
        {
            return;
        }

        Ib.Flags |= ChannelFlags.ShutR;
        Ib.Rex = Ticks.Eternity;
        Flags &= ~SiFlags.WaitRoom;
        if (State != SiState.Est && State != SiState.Con)
        {
            return;
        }

        if ((Ob.Flags & ChannelFlags.ShutW) != 0)
        {
            CloseSocket();
            State = SiState.Dis;
            Exp = Ticks.Eternity;
            return;
        }

        UpdateInterest();
    }

    /// <summary>stream_sock_shutw: sends FIN (or RST with NOLINGER); closes when the read side is shut too.</summary>
    public void ShutW()
    {
        Ob.Flags &= ~ChannelFlags.ShutWNow;
        if ((Ob.Flags & ChannelFlags.ShutW) != 0)
        {
            return;
        }

        Ob.Flags |= ChannelFlags.ShutW;
        Ob.Wex = Ticks.Eternity;
        Flags &= ~SiFlags.WaitData;

        switch (State)
        {
            case SiState.Est:
                if ((Flags & SiFlags.Err) != 0)
                {
                    Flags &= ~SiFlags.NoLinger;
                    CloseSocket();
                }
                else if ((Flags & SiFlags.NoLinger) != 0)
                {
                    Flags &= ~SiFlags.NoLinger;
                    CloseSocket(reset: true);
                }
                else
                {
                    Connection?.ShutdownWrite();
                    if ((Ib.Flags & (ChannelFlags.ShutR | ChannelFlags.DontRead)) == 0)
                    {
                        UpdateInterest();
                        return;
                    }

                    CloseSocket();
                }

                State = SiState.Dis;
                break;
            case SiState.Con:
                CloseSocket();
                State = SiState.Dis;
                break;
            case SiState.Cer:
            case SiState.Que:
            case SiState.Tar:
                State = SiState.Dis;
                break;
            default:
                break;
        }

        Flags &= ~SiFlags.WaitRoom;
        Ib.Flags |= ChannelFlags.ShutR;
        Ib.Rex = Ticks.Eternity;
        Exp = Ticks.Eternity;
    }

    /// <summary>stream_sock_data_finish: sets poll interest and read/write timers for an established side.</summary>
    internal void DataFinish()
    {
        var now = Now;
        if ((Ib.Flags & (ChannelFlags.ShutR | ChannelFlags.DontRead)) == 0)
        {
            if (Ib.IsFull)
            {
                Flags |= SiFlags.WaitRoom;
                Ib.Rex = Ticks.Eternity;
            }
            else if ((Ib.Flags & ChannelFlags.ReadNoExp) == 0 && !Ticks.IsSet(Ib.Rex))
            {
                // Only when unset, as 1.4: the read callback refreshed it at each read (activity since the last
                // run may be long past now that passing bytes do not wake the session).
                Ib.Rex = Ticks.AddIfSet(now, Ib.Rto);
            }
        }
        else if ((Ib.Flags & (ChannelFlags.ShutR | ChannelFlags.DontRead)) == ChannelFlags.DontRead)
        {
            Ib.Rex = Ticks.Eternity; // stop reading: no read timeout either
        }

        if ((Ob.Flags & ChannelFlags.ShutW) != 0 || Ob.IsOutEmpty)
        {
            if (Ob.IsOutEmpty)
            {
                Flags |= SiFlags.WaitData;
            }

            Ob.Wex = Ticks.Eternity;
        }
        else
        {
            Flags &= ~SiFlags.WaitData;
            if (!Ticks.IsSet(Ob.Wex))
            {
                Ob.Wex = Ticks.AddIfSet(now, Ob.Wto);
                if (Ticks.IsSet(Ib.Rex) && (Flags & SiFlags.IndepStr) == 0)
                {
                    Ib.Rex = Ticks.AddIfSet(now, Ib.Rto);
                }
            }
        }

        UpdateInterest();
    }

    /// <summary>EV_FD_SET/CLR: read while the input side is open with room, write while output data waits.</summary>
    internal void UpdateInterest()
    {
        var conn = Connection;
        if (conn is null)
        {
            return;
        }

        var read = (Ib.Flags & (ChannelFlags.ShutR | ChannelFlags.DontRead)) == 0 && !Ib.IsFull;
        var write = (Ob.Flags & ChannelFlags.ShutW) == 0 && !Ob.IsOutEmpty;
        conn.SetInterest(read, write);
    }
}
