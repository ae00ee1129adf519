using System.Net;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.Testing.Engine;

/// <summary>
/// One end of an in-memory TCP connection. Bytes sent appear at once in the peer's inbound queue; a write
/// shutdown becomes end-of-stream for the peer once it has read everything; a reset is an error at once.
/// </summary>
public sealed class SimSocket : IConnection
{
    private readonly List<byte> _inbound = [];

    internal SimSocket(SimNetwork network, IPEndPoint local, IPEndPoint remote)
    {
        Network = network;
        LocalEndPoint = local;
        RemoteEndPoint = remote;
        Id = network.NextSocketId();
    }

    public IIoHandler? Handler { get; set; }

    public IPEndPoint LocalEndPoint { get; }

    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>The engine-side descriptor number (from accept or connect), -1 for peers and once closed.</summary>
    public int Fd { get; internal set; } = -1;

    /// <summary>The destination before NAT; null = not redirected, <see cref="LocalEndPoint"/> is answered.</summary>
    public IPEndPoint? RedirectedFrom { get; set; }

    /// <summary>How many times <see cref="OriginalDestination"/> was read (1.4 asks once, lazily).</summary>
    public int OriginalDestinationReads { get; private set; }

    public IPEndPoint OriginalDestination
    {
        get
        {
            OriginalDestinationReads++;
            return RedirectedFrom ?? LocalEndPoint;
        }
    }

    /// <summary>Socket options this side was given (connect options, or the listener's accepted options).</summary>
    public SocketOptions Options { get; internal set; }

    /// <summary>Registration order, used as the fd order when dispatching readiness.</summary>
    public long Id { get; }

    public SimSocket? Peer { get; internal set; }

    public SimNetwork Network { get; }

    public bool WantRead { get; private set; }

    public bool WantWrite { get; private set; }

    /// <summary>The peer shut its write side (FIN received).</summary>
    public bool PeerShutWrite { get; internal set; }

    public bool WriteShut { get; private set; }

    public bool Closed { get; private set; }

    /// <summary>The peer reset the connection.</summary>
    public bool GotReset { get; internal set; }

    /// <summary>Outgoing connect not completed yet.</summary>
    public bool Connecting { get; internal set; }

    /// <summary>Outgoing connect that will never complete (blackhole).</summary>
    public bool NeverCompletes { get; internal set; }

    /// <summary>errno of a failed connect, reported by <see cref="TakeSocketError"/>.</summary>
    public int PendingError { get; internal set; }

    public int InboundCount => _inbound.Count;

    /// <summary>Bytes this side received in total.</summary>
    public long TotalReceived { get; private set; }

    /// <summary>
    /// Bytes this side holds unread before its peer's sends block (0 = no limit): a client that stops reading
    /// ends up blocking the sender, as a full socket buffer does.
    /// </summary>
    public int ReceiveWindow { get; set; }

    /// <summary>Calls to <see cref="Receive"/> that returned bytes.</summary>
    public int ReceivesWithData { get; private set; }

    /// <summary>When set, the next <see cref="Receive"/> throws it (fault injection for the engine's error paths).</summary>
    public Exception? ThrowOnReceive { get; set; }

    public int Receive(Span<byte> buffer, out IoStatus status)
    {
        if (ThrowOnReceive is { } injected)
        {
            ThrowOnReceive = null;
            throw injected;
        }

        if (Closed || GotReset || PendingError != 0)
        {
            status = IoStatus.Error;
            return 0;
        }

        if (_inbound.Count > 0)
        {
            var n = Math.Min(buffer.Length, _inbound.Count);
            if (Network.MaxReceiveSize > 0)
            {
                n = Math.Min(n, Network.MaxReceiveSize);
            }

            ReceivesWithData++;
            for (var i = 0; i < n; i++)
            {
                buffer[i] = _inbound[i];
            }

            _inbound.RemoveRange(0, n);
            TotalReceived += n;
            status = IoStatus.Ok;
            return n;
        }

        status = PeerShutWrite ? IoStatus.EndOfStream : IoStatus.WouldBlock;
        return 0;
    }

    public int Send(ReadOnlySpan<byte> data, out IoStatus status)
    {
        if (Closed || WriteShut || GotReset || Connecting || PendingError != 0 || Peer is null || Peer.Closed)
        {
            status = IoStatus.Error;
            return 0;
        }

        var n = data.Length;
        if (Peer.ReceiveWindow > 0)
        {
            n = Math.Min(n, Peer.ReceiveWindow - Peer._inbound.Count);
            if (n <= 0)
            {
                status = IoStatus.WouldBlock;
                return 0;
            }
        }

        Peer._inbound.AddRange(data[..n].ToArray());
        status = IoStatus.Ok;
        return n;
    }

    public void SetInterest(bool read, bool write)
    {
        WantRead = read;
        WantWrite = write;
    }

    public void ShutdownWrite()
    {
        if (WriteShut || Closed)
        {
            return;
        }

        WriteShut = true;
        if (Peer is not null)
        {
            Peer.PeerShutWrite = true;
        }
    }

    public int TakeSocketError()
    {
        var e = PendingError;
        return e;
    }

    public void Close(bool reset = false)
    {
        if (Closed)
        {
            return;
        }

        Closed = true;
        WantRead = WantWrite = false;
        Network.ReleaseFd(Fd);
        Fd = -1;
        if (Peer is not null)
        {
            if (reset)
            {
                Peer.GotReset = true;
            }
            else
            {
                Peer.PeerShutWrite = true;
            }
        }

        Network.Forget(this);
    }

    /// <summary>Readable for the poller: data, end of stream, reset or a connect outcome.</summary>
    internal bool IsReadReady =>
        !Closed && (_inbound.Count > 0 || PeerShutWrite || GotReset || (PendingError != 0 && !Connecting));

    /// <summary>Writable for the poller: connected (or failed) and not shut.</summary>
    internal bool IsWriteReady => !Closed && !Connecting && (PendingError != 0 || !WriteShut)
        && (PendingError != 0 || Peer is not { ReceiveWindow: > 0 } p || p._inbound.Count < p.ReceiveWindow);
}
