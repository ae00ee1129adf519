using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using HaproxyNet.LogDiff.Normalization;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>Runs harness clients: connect (optionally from another loopback address), play the actions, close; records who connected from where.</summary>
public sealed class ClientRunner
{
    private static readonly string[] ActionKeys = ["send", "send_bytes", "recv", "recv_until_close", "sleep_ms", "hold_until_ms", "shutdown", "http"];
    private static readonly string[] CloseModes = ["graceful", "wait", "close", "reset"];
    private static readonly byte[] Pattern = "abcdefghijklmnopqrstuvwxyz0123456789"u8.ToArray();

    private readonly object _lock = new();
    private readonly IReadOnlyDictionary<string, int> _ports;
    private readonly List<ClientConnection> _connections = [];
    private readonly SortedDictionary<int, ClientResult> _results = [];

    public ClientRunner(IReadOnlyDictionary<string, int> ports)
    {
        _ports = ports;
    }

    public IReadOnlyList<ClientConnection> Connections
    {
        get
        {
            lock (_lock)
            {
                return [.. _connections];
            }
        }
    }

    public IReadOnlyList<ClientResult> Results
    {
        get
        {
            lock (_lock)
            {
                return [.. _results.Values];
            }
        }
    }

    /// <summary>Throws <see cref="ScenarioException"/> when a client spec has no port, an unknown action or close mode.</summary>
    public static void Check(JsonNode? spec)
    {
        if (spec is not JsonObject obj || !obj.ContainsKey("port"))
        {
            throw new ScenarioException($"client needs a 'port': {spec?.ToJsonString()}");
        }

        if (obj["actions"] is JsonArray actions)
        {
            foreach (var action in actions)
            {
                if (action is not JsonObject a || !ActionKeys.Any(a.ContainsKey))
                {
                    throw new ScenarioException($"unknown client action {action?.ToJsonString()}");
                }
            }
        }

        var close = JsonValues.String(obj["close"]) ?? "graceful";
        if (Array.IndexOf(CloseModes, close) < 0)
        {
            throw new ScenarioException($"unknown close mode '{close}'");
        }
    }

    /// <summary>Runs client <c>c</c><paramref name="clientId"/>; socket errors and timeouts end up in <see cref="ClientResult.Error"/>.</summary>
    public ClientResult Run(int clientId, JsonObject spec, TimeSpan timeout)
    {
        var portName = JsonValues.String(spec["port"]);
        var result = new ClientResult(clientId, portName);
        lock (_lock)
        {
            _results[clientId] = result;
        }

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (JsonValues.String(spec["source_ip"]) is { Length: > 0 } sourceIp)
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(sourceIp), 0));
            }

            socket.ReceiveTimeout = socket.SendTimeout = (int)timeout.TotalMilliseconds;
            if (portName is null || !_ports.TryGetValue(portName, out var port))
            {
                throw new ScenarioException($"client c{clientId}: unknown port {portName}");
            }

            Connect(socket, new IPEndPoint(IPAddress.Loopback, port), timeout);
            var local = (IPEndPoint)socket.LocalEndPoint!;
            var address = local.Address + ":" + local.Port;
            lock (_lock)
            {
                _connections.Add(new ClientConnection(DateTimeOffset.UtcNow, address, clientId));
            }

            result.Address = address;
            var connected = Stopwatch.StartNew();
            var reader = new SocketReader(socket);
            if (spec["actions"] is JsonArray actions)
            {
                foreach (var action in actions)
                {
                    result.Actions.Add(Act((JsonObject)action!, socket, reader, connected));
                }
            }

            result.Close = Finish(JsonValues.String(spec["close"]) ?? "graceful", socket, reader);
        }
        catch (Exception e) when (e is SocketException or IOException or FormatException or OverflowException or ObjectDisposedException)
        {
            result.Error = e.GetType().Name + ": " + e.Message;
        }

        return result;
    }

    private static void Connect(Socket socket, EndPoint endPoint, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            socket.ConnectAsync(endPoint, cancel.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException e)
        {
            throw new IOException("connect timed out", e);
        }
    }

    private static JsonObject Act(JsonObject action, Socket socket, SocketReader reader, Stopwatch connected)
    {
        if (action.ContainsKey("hold_until_ms"))
        {
            var until = JsonValues.Number(action["hold_until_ms"], 0);
            var left = TimeSpan.FromMilliseconds(until) - connected.Elapsed;
            if (left > TimeSpan.Zero)
            {
                Thread.Sleep(left);
            }

            return new JsonObject { ["held_until_ms"] = until };
        }

        if (JsonValues.String(action["send"]) is { } text)
        {
            ScenarioBackend.SendAll(socket, Encoding.Latin1.GetBytes(text));
            return new JsonObject { ["sent"] = text.Length };
        }

        if (action.ContainsKey("send_bytes"))
        {
            var count = JsonValues.Int(action["send_bytes"], 0);
            ScenarioBackend.SendAll(socket, Payload(count));
            return new JsonObject { ["sent"] = count };
        }

        if (action.ContainsKey("recv"))
        {
            return new JsonObject { ["received"] = reader.ReadExact(JsonValues.Int(action["recv"], 0)).Length };
        }

        if (action.ContainsKey("recv_until_close"))
        {
            return new JsonObject { ["received_until_close"] = reader.ReadUntilClose().Length };
        }

        if (action.ContainsKey("sleep_ms"))
        {
            var ms = JsonValues.Number(action["sleep_ms"], 0);
            Thread.Sleep(TimeSpan.FromMilliseconds(ms));
            return new JsonObject { ["slept_ms"] = ms };
        }

        if (action.ContainsKey("shutdown"))
        {
            socket.Shutdown(SocketShutdown.Send);
            return new JsonObject { ["shutdown"] = "write" };
        }

        if (action["http"] is JsonObject http)
        {
            return Http(http, socket, reader);
        }

        throw new ScenarioException($"unknown client action {action.ToJsonString()}");
    }

    /// <summary>Sends one request (Content-Length added only when there is a body) and reads one response.</summary>
    private static JsonObject Http(JsonObject request, Socket socket, SocketReader reader)
    {
        var method = JsonValues.String(request["method"]) ?? "GET";
        var path = JsonValues.String(request["path"]) ?? "/";
        var version = JsonValues.String(request["version"]) ?? "1.1";
        var body = Encoding.Latin1.GetBytes(JsonValues.String(request["body"]) ?? string.Empty);
        var head = new StringBuilder().Append(method).Append(' ').Append(path).Append(" HTTP/").Append(version).Append("\r\n");
        var hasLength = false;
        if (request["headers"] is JsonObject headers)
        {
            foreach (var (name, value) in headers)
            {
                hasLength |= name.Equals("content-length", StringComparison.OrdinalIgnoreCase);
                head.Append(name).Append(": ").Append(JsonValues.String(value) ?? value?.ToJsonString()).Append("\r\n");
            }
        }

        if (body.Length > 0 && !hasLength)
        {
            head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        }

        head.Append("\r\n");
        ScenarioBackend.SendAll(socket, [.. Encoding.Latin1.GetBytes(head.ToString()), .. body]);
        var response = reader.ReadHttpMessage(isRequest: false, method);
        var summary = new JsonObject { ["http"] = method + " " + path };
        if (response is null)
        {
            summary["status"] = null;
            return summary;
        }

        summary["status"] = response.Status;
        summary["body_bytes"] = response.Body.Length;
        return summary;
    }

    /// <summary>graceful: half-close then read until the peer closes; wait: read until the peer closes; close: plain close; reset: RST.</summary>
    private static string Finish(string how, Socket socket, SocketReader reader)
    {
        switch (how)
        {
            case "graceful":
                try
                {
                    socket.Shutdown(SocketShutdown.Send);
                }
                catch (SocketException)
                {
                }

                reader.ReadUntilClose();
                break;
            case "wait":
                reader.ReadUntilClose();
                break;
            case "reset":
                socket.LingerState = new LingerOption(true, 0);
                break;
            case "close":
                break;
            default:
                throw new ScenarioException($"unknown close mode '{how}'");
        }

        return how;
    }

    private static byte[] Payload(int count)
    {
        var data = new byte[count];
        for (var i = 0; i < count; i++)
        {
            data[i] = Pattern[i % Pattern.Length];
        }

        return data;
    }
}
