using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Ports;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.Tasks;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.StreamInterfaces;

/// <summary>One side of a session: the client (si[0]) or the server (si[1]) socket and its state.</summary>
/// <remarks>
/// HAProxy 1.4 <c>struct stream_interface</c> with the socket callbacks of src/stream_sock.c
/// (<c>stream_sock_read</c>, <c>stream_sock_write</c>, <c>stream_sock_shutr</c>, <c>stream_sock_shutw</c>,
/// <c>stream_sock_data_finish</c>) in the partial files. Callbacks move bytes and set flags; they only wake the task.
/// </remarks>
public sealed partial class StreamInterface : IIoHandler
{
    private IConnection? _connection;

    internal StreamInterface(Session owner, Channel ib, Channel ob)
    {
        Owner = owner;
        Ib = ib;
        Ob = ob;
    }

    public Session Owner { get; }

    public SiState State { get; set; }

    /// <summary>State at the beginning of the current process_session run (prev_state).</summary>
    public SiState PrevState { get; set; }

    public SiFlags Flags { get; set; }

    public SiErrType ErrType { get; set; }

    /// <summary>Timer for connect, queue and turn-around (tick).</summary>
    public int Exp { get; set; }

    /// <summary>The socket, null until connected and once closed; setting one records its <see cref="Fd"/>.</summary>
    public IConnection? Connection
    {
        get => _connection;
        set
        {
            _connection = value;
            if (value is not null)
            {
                Fd = value.Fd;
            }
        }
    }

    /// <summary>
    /// 1.4's <c>si-&gt;fd</c>: -1 until a socket is created, then its number, kept after close (the <c>-d</c> trace
    /// prints it); a failed connect leaves the number socket() gave, a retry the newest one.
    /// </summary>
    public int Fd { get; internal set; } = -1;

    /// <summary>The buffer this side produces into.</summary>
    public Channel Ib { get; }

    /// <summary>The buffer this side consumes from.</summary>
    public Channel Ob { get; }

    private int Now => Owner.Loop.Clock.NowMs;

    /// <summary>Wakes the owner task for I/O unless it is running (SI_FL_DONT_WAKE).</summary>
    private void WakeOwner()
    {
        if ((Flags & SiFlags.DontWake) == 0)
        {
            Owner.Loop.Scheduler.Wakeup(Owner.Task, TaskWoken.Io);
        }
    }

    /// <summary>Closes the socket (fd_delete) and forgets it.</summary>
    internal void CloseSocket(bool reset = false)
    {
        var c = Connection;
        if (c is not null)
        {
            c.Handler = null;
            c.Close(reset);
            Connection = null;
        }

        ReleaseSourcePort();
    }

    /// <summary>stream_int_check_timeouts: flags SI_FL_EXP when <see cref="Exp"/> has passed.</summary>
    internal void CheckTimeouts(int now)
    {
        if (Ticks.IsExpired(Exp, now))
        {
            Flags |= SiFlags.Exp;
        }
    }
}
