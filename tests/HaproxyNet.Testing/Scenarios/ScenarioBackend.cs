using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>
/// A scripted stand-in for an application server on one loopback port: <c>echo</c>, <c>http</c>, <c>hang</c>,
/// <c>close</c> or <c>refuse</c> (nothing listens). Each connection is served on its own background thread.
/// </summary>
public sealed partial class ScenarioBackend : IDisposable
{
    private static readonly string[] Types = ["echo", "http", "hang", "close", "refuse"];

    private readonly object _lock = new();
    private readonly HashSet<Socket> _connections = [];
    private readonly Action<string> _timeline;
    private JsonObject _spec;
    private Socket? _listener;
    private CancellationTokenSource _stopping = new();
    private int _accepted;
    private int _requests;

    public ScenarioBackend(string key, int port, JsonObject spec, Action<string> timeline)
    {
        Key = key;
        Port = port;
        _spec = (JsonObject)spec.DeepClone();
        _timeline = timeline;
        Type = JsonValues.String(_spec["type"]) ?? "echo";
        if (Array.IndexOf(Types, Type) < 0)
        {
            throw new ScenarioException($"backend {key}: unknown type '{Type}'");
        }
    }

    public string Key { get; }

    public int Port { get; }

    public string Type { get; }

    /// <summary>Whether the backend listens from the start (<c>"start": false</c> keeps it down until a start step).</summary>
    public bool StartsAtOnce => JsonValues.Truthy(_spec["start"], true);

    public int Accepted => Volatile.Read(ref _accepted);

    public int HttpRequests => Volatile.Read(ref _requests);

    public void Start()
    {
        lock (_lock)
        {
            if (Type == "refuse" || _listener is not null)
            {
                return;
            }

            var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, Port));
            listener.Listen(64);
            _listener = listener;
            _stopping = new CancellationTokenSource();
            var stopping = _stopping.Token;
            new Thread(() => AcceptLoop(listener, stopping)) { IsBackground = true, Name = "backend-" + Key }.Start();
        }

        _timeline($"backend {Key} listening");
    }

    /// <summary>Closes the listener; unless <paramref name="graceful"/>, also kills every open connection (the server dies).</summary>
    public void Stop(bool graceful = false)
    {
        Socket[] open;
        lock (_lock)
        {
            _listener?.Dispose();
            _listener = null;
            if (graceful)
            {
                open = [];
            }
            else
            {
                _stopping.Cancel();
                open = [.. _connections];
                _connections.Clear();
            }
        }

        if (graceful)
        {
            _timeline($"backend {Key} stopped listening");
            return;
        }

        foreach (var connection in open)
        {
            try
            {
                connection.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }

            connection.Dispose();
        }

        _timeline($"backend {Key} stopped");
    }

    /// <summary>Shallow update of the options (a new <c>routes</c> replaces the old one as a whole).</summary>
    public void Update(JsonObject changes)
    {
        lock (_lock)
        {
            foreach (var (key, value) in changes)
            {
                _spec[key] = value?.DeepClone();
            }
        }

        _timeline($"backend {Key} updated {Placeholders.ToJson(changes)}");
    }

    public void Dispose() => Stop();

    private JsonObject Options()
    {
        lock (_lock)
        {
            return (JsonObject)_spec.DeepClone();
        }
    }

    private void AcceptLoop(Socket listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_lock)
            {
                _connections.Add(connection);
                _accepted++;
            }

            new Thread(() => Serve(connection, stopping)) { IsBackground = true, Name = "backend-" + Key + "-conn" }.Start();
        }
    }

    private void Serve(Socket connection, CancellationToken stopping)
    {
        try
        {
            switch (Type)
            {
                case "echo":
                    ServeEcho(connection);
                    break;
                case "hang":
                    ServeHang(connection);
                    break;
                case "close":
                    ServeClose(connection);
                    break;
                default:
                    ServeHttp(connection, stopping);
                    break;
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException or FormatException or OverflowException)
        {
            // Peer gone, or a request we cannot parse: the connection just ends.
        }
        finally
        {
            lock (_lock)
            {
                _connections.Remove(connection);
            }

            connection.Dispose();
        }
    }

    private void ServeEcho(Socket connection)
    {
        if (JsonValues.String(Options()["banner"]) is { Length: > 0 } banner)
        {
            connection.Send(System.Text.Encoding.UTF8.GetBytes(banner));
        }

        var buffer = new byte[65536];
        int received;
        while ((received = connection.Receive(buffer)) > 0)
        {
            SendAll(connection, buffer.AsSpan(0, received));
        }

        connection.Shutdown(SocketShutdown.Send);
    }

    private static void ServeHang(Socket connection)
    {
        var buffer = new byte[65536];
        while (connection.Receive(buffer) > 0)
        {
        }
    }

    private static void ServeClose(Socket connection)
    {
        connection.ReceiveTimeout = 2000;
        try
        {
            connection.Receive(new byte[65536]);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
        {
        }
    }

    internal static void SendAll(Socket socket, ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            data = data[socket.Send(data)..];
        }
    }
}
