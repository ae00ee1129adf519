using System.Net;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.Testing.Engine;

/// <summary>A listening socket with a kernel-like backlog: clients are connected as soon as they are queued.</summary>
/// <remarks>
/// Pause and resume follow Linux: a paused socket keeps its address but is out of LISTEN (connects are refused,
/// the backlog is reset), and pausing a socket that is not listening fails (ENOTCONN on shutdown).
/// </remarks>
public sealed class SimListenerSocket : IListenerSocket
{
    private readonly Queue<SimSocket> _backlog = new();

    internal SimListenerSocket(SimNetwork network, IPEndPoint endPoint, int backlog)
    {
        Network = network;
        LocalEndPoint = endPoint;
        Backlog = backlog;
        Id = network.NextSocketId();
    }

    public IIoHandler? Handler { get; set; }

    public IPEndPoint LocalEndPoint { get; }

    public SimNetwork Network { get; }

    /// <summary>The descriptor number given at bind, -1 once closed.</summary>
    public int Fd { get; internal set; } = -1;

    public long Id { get; }

    public int Backlog { get; }

    /// <summary>The options the engine asked for on this listener.</summary>
    public ListenerOptions Options { get; internal set; }

    public bool WantRead { get; private set; }

    public bool Closed { get; private set; }

    public int Pending => _backlog.Count;

    /// <summary>In LISTEN: connects are queued. False while paused (or after a failed resume).</summary>
    public bool Listening { get; private set; } = true;

    /// <summary>Makes the next <see cref="Pause"/> calls fail (as a refused shutdown() would).</summary>
    public bool FailPause { get; set; }

    /// <summary>Makes the next <see cref="Resume"/> calls fail (as listen() on a port taken meanwhile would).</summary>
    public bool FailResume { get; set; }

    /// <summary>Calls to <see cref="Pause"/> (successful or not).</summary>
    public int PauseCalls { get; private set; }

    /// <summary>Calls to <see cref="Resume"/> (successful or not).</summary>
    public int ResumeCalls { get; private set; }

    public IConnection? TryAccept(out IoStatus status, out int errno)
    {
        errno = 0;
        while (_backlog.Count > 0)
        {
            var s = _backlog.Dequeue();
            if (s.Closed)
            {
                continue;
            }

            s.Fd = Network.AllocateFd();
            Network.Register(s);
            Network.AcceptedSockets.Add(s);
            s.Options = Options.Accepted;
            status = IoStatus.Ok;
            return s;
        }

        status = IoStatus.WouldBlock;
        return null;
    }

    public void SetInterest(bool read) => WantRead = read;

    public bool Pause()
    {
        PauseCalls++;
        if (Closed || FailPause || !Listening)
        {
            return false;
        }

        Listening = false;
        WantRead = false;
        ResetBacklog();
        return true;
    }

    public bool Resume()
    {
        ResumeCalls++;
        if (Closed || FailResume)
        {
            return false;
        }

        Listening = true;
        return true;
    }

    public void Close()
    {
        Closed = true;
        WantRead = false;
        ResetBacklog();
        Network.Forget(this);
        Network.ReleaseFd(Fd);
        Fd = -1;
    }

    /// <summary>Queues the proxy side of a new client connection; false when the backlog is full.</summary>
    internal bool Enqueue(SimSocket proxySide)
    {
        if (Closed || !Listening || _backlog.Count >= Math.Max(Backlog, 1))
        {
            return false;
        }

        _backlog.Enqueue(proxySide);
        return true;
    }

    internal bool IsReadReady => !Closed && WantRead && _backlog.Count > 0;

    /// <summary>The kernel drops the connections nobody accepted: their clients get a reset.</summary>
    private void ResetBacklog()
    {
        foreach (var s in _backlog)
        {
            s.Close(reset: true);
        }

        _backlog.Clear();
    }
}
