using System.Text;

namespace HaproxyNet.Testing.Engine;

/// <summary>
/// What a simulated HTTP backend answers (the logcompare harness's <c>http</c> backend): status, body, extra
/// headers, per-path-prefix overrides, a delay before answering, a delay between headers and body, forced close.
/// </summary>
public sealed record SimHttpBehavior
{
    public int Status { get; init; } = 200;

    public string Body { get; init; } = "ok\n";

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public int DelayMs { get; init; }

    public int BodyDelayMs { get; init; }

    public bool Close { get; init; }

    /// <summary>Overrides by path prefix (the longest matching prefix wins).</summary>
    public IReadOnlyDictionary<string, SimHttpBehavior> Routes { get; init; } = new Dictionary<string, SimHttpBehavior>();

    /// <summary>The behaviour for <paramref name="path"/> (query string ignored).</summary>
    public SimHttpBehavior For(string path)
    {
        var q = path.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            path = path[..q];
        }

        SimHttpBehavior? best = null;
        var bestLen = -1;
        foreach (var (prefix, b) in Routes)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal) && prefix.Length > bestLen)
            {
                best = b;
                bestLen = prefix.Length;
            }
        }

        return best ?? this;
    }

    /// <summary>The response head and body for a request (HTTP/1.1, Content-Length, "Connection: close" unless kept alive).</summary>
    public (byte[] Head, byte[] Body, bool KeepAlive) Respond(string method, string version, string? connection)
    {
        var conn = (connection ?? string.Empty).ToLowerInvariant();
        var keepAlive = version == "HTTP/1.0" ? conn.Contains("keep-alive", StringComparison.Ordinal) : !conn.Contains("close", StringComparison.Ordinal);
        if (Close)
        {
            keepAlive = false;
        }

        var body = Encoding.Latin1.GetBytes(Body);
        var sb = new StringBuilder();
        sb.Append("HTTP/1.1 ").Append(Status).Append(' ').Append(Reason(Status)).Append("\r\n");
        foreach (var (k, v) in Headers)
        {
            sb.Append(k).Append(": ").Append(v).Append("\r\n");
        }

        sb.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        if (!keepAlive)
        {
            sb.Append("Connection: close\r\n");
        }

        sb.Append("\r\n");
        if (method == "HEAD")
        {
            body = [];
        }

        return (Encoding.Latin1.GetBytes(sb.ToString()), body, keepAlive);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    };
}
