using System.Net;
using System.Net.Sockets;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.IO.Portable;

/// <summary>Portable, level-triggered poller over <c>Socket.Select</c> for systems without epoll.</summary>
/// <remarks>
/// Mirrors 1.4's <c>ev_select.c</c>. Slower (lists rebuilt each call, O(n) per poll) but behaviourally the
/// same contract: read callback before write callback per socket, in registration order. <see cref="Wake"/>
/// sends one datagram to a loopback socket that is always part of the read set.
/// </remarks>
public sealed class SelectPoller : IPoller, IDisposable
{
    private readonly List<SelectEntry> _entries = [];
    private readonly Dictionary<Socket, SelectEntry> _bySocket = new(ReferenceEqualityComparer.Instance);
    private readonly List<Socket> _read = [];
    private readonly List<Socket> _write = [];
    private readonly List<Socket> _error = [];
    private readonly Socket _wakeReceiver;
    private readonly Socket _wakeSender;
    private readonly EndPoint _wakeEndPoint;
    private readonly byte[] _drain = new byte[64];

    public SelectPoller()
    {
        _wakeReceiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _wakeReceiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _wakeReceiver.Blocking = false;
        _wakeEndPoint = _wakeReceiver.LocalEndPoint!;
        _wakeSender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    }

    public string Name => "select";

    /// <inheritdoc />
    public int Poll(int timeoutMs)
    {
        _read.Clear();
        _write.Clear();
        _error.Clear();
        _read.Add(_wakeReceiver);
        for (var i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            if (entry.WantRead)
            {
                _read.Add(entry.Socket);
            }

            if (entry.WantWrite)
            {
                _write.Add(entry.Socket);
                _error.Add(entry.Socket); // a failed connect shows up here on some systems
            }
        }

        Socket.Select(_read, _write, _error.Count > 0 ? _error : null, timeoutMs < 0 ? -1 : timeoutMs * 1000);
        Mark(_read, read: true);
        Mark(_write, read: false);
        Mark(_error, read: false);

        var handled = 0;
        var count = _entries.Count;
        for (var i = 0; i < count && i < _entries.Count; i++)
        {
            var entry = _entries[i];
            var readyRead = entry.ReadyRead;
            var readyWrite = entry.ReadyWrite;
            entry.ReadyRead = entry.ReadyWrite = false;
            if (readyRead && entry.WantRead && !entry.IsClosed)
            {
                entry.FireRead();
                handled++;
            }

            if (readyWrite && entry.WantWrite && !entry.IsClosed)
            {
                entry.FireWrite();
                handled++;
            }
        }

        _entries.RemoveAll(static e => e.IsClosed);
        return handled;
    }

    /// <inheritdoc />
    public void Wake()
    {
        try
        {
            _wakeSender.SendTo([1], _wakeEndPoint);
        }
        catch (SocketException)
        {
            // the poll will still end at its timeout
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _wakeReceiver.Dispose();
        _wakeSender.Dispose();
    }

    internal void Add(SelectEntry entry)
    {
        _entries.Add(entry);
        _bySocket[entry.Socket] = entry;
    }

    internal void Remove(SelectEntry entry)
    {
        entry.IsClosed = true;
        _bySocket.Remove(entry.Socket);
    }

    private void Mark(List<Socket> sockets, bool read)
    {
        for (var i = 0; i < sockets.Count; i++)
        {
            var socket = sockets[i];
            if (ReferenceEquals(socket, _wakeReceiver))
            {
                DrainWake();
                continue;
            }

            if (_bySocket.TryGetValue(socket, out var entry))
            {
                if (read)
                {
                    entry.ReadyRead = true;
                }
                else
                {
                    entry.ReadyWrite = true;
                }
            }
        }
    }

    private void DrainWake()
    {
        while (_wakeReceiver.Available > 0)
        {
            _wakeReceiver.Receive(_drain, SocketFlags.None, out _);
        }
    }
}
