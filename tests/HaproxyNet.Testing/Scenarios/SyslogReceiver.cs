using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using HaproxyNet.LogDiff.Normalization;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>A UDP syslog receiver on 127.0.0.1 (HAProxy 1.4 logs over UDP only) that keeps every datagram with its receive time.</summary>
public sealed class SyslogReceiver : IDisposable
{
    private readonly Socket _socket;
    private readonly List<SyslogDatagram> _records = [];
    private readonly object _lock = new();
    private readonly Thread _thread;
    private volatile bool _stopping;

    public SyslogReceiver()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.ReceiveBufferSize = 4 << 20;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _socket.ReceiveTimeout = 100;
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        _thread = new Thread(Loop) { IsBackground = true, Name = "syslog-receiver" };
    }

    public int Port { get; }

    /// <summary>A copy of what has been received so far.</summary>
    public IReadOnlyList<SyslogDatagram> Records
    {
        get
        {
            lock (_lock)
            {
                return _records.ToArray();
            }
        }
    }

    public void Start() => _thread.Start();

    /// <summary>Waits until at least <paramref name="count"/> datagrams match <paramref name="pattern"/>; false on timeout.</summary>
    public bool WaitFor(string pattern, int count, TimeSpan timeout)
    {
        var regex = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        var deadline = DateTime.UtcNow + timeout;
        lock (_lock)
        {
            while (true)
            {
                var matches = 0;
                foreach (var record in _records)
                {
                    if (regex.IsMatch(SyslogDatagramText.Decode(record.Data)))
                    {
                        matches++;
                    }
                }

                if (matches >= count)
                {
                    return true;
                }

                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    return false;
                }

                Monitor.Wait(_lock, left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
            }
        }
    }

    /// <summary>Stops receiving (bounded wait for the thread) and closes the socket.</summary>
    public void Stop()
    {
        _stopping = true;
        if (_thread.IsAlive)
        {
            _thread.Join(2000);
        }

        _socket.Dispose();
    }

    public void Dispose() => Stop();

    private void Loop()
    {
        var buffer = new byte[65535];
        while (!_stopping)
        {
            int length;
            try
            {
                length = _socket.Receive(buffer);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
            {
                continue;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                break;
            }

            var record = new SyslogDatagram(DateTimeOffset.UtcNow, buffer.AsSpan(0, length).ToArray());
            lock (_lock)
            {
                _records.Add(record);
                Monitor.PulseAll(_lock);
            }
        }
    }
}
