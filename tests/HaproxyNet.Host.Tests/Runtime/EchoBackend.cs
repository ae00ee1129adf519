using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace HaproxyNet.Host.Tests.Runtime;

/// <summary>
/// A loopback TCP server that echoes every byte back, one thread per connection, recording each client's source
/// address; stopped on dispose.
/// </summary>
internal sealed class EchoBackend : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Thread _acceptor;
    private readonly List<Socket> _accepted = [];

    public EchoBackend()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptor = new Thread(AcceptLoop) { IsBackground = true, Name = "echo-backend" };
        _acceptor.Start();
    }

    public int Port { get; }

    /// <summary>The source address of every connection accepted, in order.</summary>
    public ConcurrentQueue<IPAddress> Sources { get; } = new();

    /// <summary>Sends one byte on <paramref name="client"/> and reads it back (bounded); false on any failure.</summary>
    public static bool RoundTrip(Socket client, byte value)
    {
        try
        {
            client.Send([value]);
            var buffer = new byte[1];
            return client.Receive(buffer) == 1 && buffer[0] == value;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A blocking loopback client with bounded receive/send waits.</summary>
    public static Socket Client() => new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
    {
        ReceiveTimeout = (int)RunningProxy.Bounded.TotalMilliseconds,
        SendTimeout = (int)RunningProxy.Bounded.TotalMilliseconds,
    };

    public void Dispose()
    {
        _listener.Stop();
        lock (_accepted)
        {
            foreach (var s in _accepted)
            {
                s.Dispose();
            }
        }

        _acceptor.Join(TimeSpan.FromSeconds(2));
    }

    private void AcceptLoop()
    {
        while (true)
        {
            Socket s;
            try
            {
                s = _listener.AcceptSocket();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Sources.Enqueue(((IPEndPoint)s.RemoteEndPoint!).Address);
            lock (_accepted)
            {
                _accepted.Add(s);
            }

            new Thread(() => Echo(s)) { IsBackground = true, Name = "echo-conn" }.Start();
        }
    }

    /// <summary>Echoes until the client's end, then lets the socket go (long load runs would run out of fds).</summary>
    private void Echo(Socket s)
    {
        EchoUntilEnd(s);
        lock (_accepted)
        {
            _accepted.Remove(s);
        }

        s.Dispose();
    }

    private static void EchoUntilEnd(Socket s)
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var n = s.Receive(buffer);
                if (n == 0)
                {
                    s.Shutdown(SocketShutdown.Send);
                    return;
                }

                s.Send(buffer.AsSpan(0, n));
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }
}
