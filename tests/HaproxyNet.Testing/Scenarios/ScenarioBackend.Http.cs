using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>The <c>http</c> behaviour: a minimal HTTP/1.x server without a Date header, so byte counts are stable.</summary>
public sealed partial class ScenarioBackend
{
    private static readonly Dictionary<int, string> Reasons = new()
    {
        [200] = "OK",
        [201] = "Created",
        [204] = "No Content",
        [301] = "Moved Permanently",
        [302] = "Found",
        [304] = "Not Modified",
        [400] = "Bad Request",
        [403] = "Forbidden",
        [404] = "Not Found",
        [500] = "Internal Server Error",
        [502] = "Bad Gateway",
        [503] = "Service Unavailable",
        [504] = "Gateway Timeout",
    };

    private void ServeHttp(Socket connection, CancellationToken stopping)
    {
        var reader = new SocketReader(connection);
        while (!stopping.IsCancellationRequested)
        {
            var request = reader.ReadHttpMessage(isRequest: true);
            if (request is null)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            var options = ApplyRoute(Options(), request.Target.Split('?', 2)[0]);
            if (JsonValues.Number(options["delay_ms"], 0) is var delay && delay > 0
                && stopping.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(delay)))
            {
                return;
            }

            var status = JsonValues.Int(options["status"], 200);
            var body = Encoding.UTF8.GetBytes(JsonValues.String(options["body"]) ?? "ok\n");
            var connectionHeader = request.Headers.GetValueOrDefault("connection", string.Empty).ToLowerInvariant();
            var keepAlive = request.Version == "HTTP/1.0"
                ? connectionHeader.Contains("keep-alive", StringComparison.Ordinal)
                : !connectionHeader.Contains("close", StringComparison.Ordinal);
            if (JsonValues.Truthy(options["close"], false))
            {
                keepAlive = false;
            }

            var head = new StringBuilder();
            head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {Reasons.GetValueOrDefault(status, "Status")}\r\n");
            if (options["headers"] is JsonObject headers)
            {
                foreach (var (name, value) in headers)
                {
                    head.Append(name).Append(": ").Append(JsonValues.String(value) ?? value?.ToJsonString()).Append("\r\n");
                }
            }

            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
            if (!keepAlive)
            {
                head.Append("Connection: close\r\n");
            }

            head.Append("\r\n");
            if (request.Method == "HEAD")
            {
                body = [];
            }

            var headBytes = Encoding.UTF8.GetBytes(head.ToString());
            if (JsonValues.Number(options["body_delay_ms"], 0) is var bodyDelay && bodyDelay > 0)
            {
                // Headers first, body later (logasap tests).
                SendAll(connection, headBytes);
                headBytes = [];
                if (stopping.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(bodyDelay)))
                {
                    return;
                }
            }

            SendAll(connection, [.. headBytes, .. body]);
            if (!keepAlive)
            {
                connection.Shutdown(SocketShutdown.Send);
                reader.ReadUntilClose(TimeSpan.FromSeconds(2));
                return;
            }
        }
    }

    // The longest matching path prefix overrides the backend's options.
    private static JsonObject ApplyRoute(JsonObject options, string path)
    {
        if (options["routes"] is not JsonObject routes)
        {
            return options;
        }

        string? best = null;
        foreach (var (prefix, _) in routes)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal) && (best is null || prefix.Length > best.Length))
            {
                best = prefix;
            }
        }

        if (best is not null && routes[best] is JsonObject route)
        {
            foreach (var (key, value) in route)
            {
                options[key] = value?.DeepClone();
            }
        }

        return options;
    }
}
