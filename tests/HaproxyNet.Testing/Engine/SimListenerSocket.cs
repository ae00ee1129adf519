using System.Net;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.Testing.Engine;

/// <summary>A listening socket with a kernel-like backlog: clients are connected as soon as they are queued.</summary>
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

    public long Id { get; }

    public int Backlog { get; }

    /// <summary>The options the engine asked for on this listener.</summary>
    public ListenerOptions Options { get; internal set; }

    public bool WantRead { get; private set; }

    public bool Closed { get; private set; }

    public int Pending => _backlog.Count;

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

    public void Close()
    {
        Closed = true;
        WantRead = false;
        foreach (var s in _backlog)
        {
            s.Close(reset: true);
        }

        _backlog.Clear();
        Network.Forget(this);
    }

    /// <summary>Queues the proxy side of a new client connection; false when the backlog is full.</summary>
    internal bool Enqueue(SimSocket proxySide)
    {
        if (Closed || _backlog.Count >= Math.Max(Backlog, 1))
        {
            return false;
        }

        _backlog.Enqueue(proxySide);
        return true;
    }

    internal bool IsReadReady => !Closed && WantRead && _backlog.Count > 0;
}
