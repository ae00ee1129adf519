using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HaproxyNet.EndToEnd.Tests.Differential;

/// <summary>
/// The server behind both proxies of a differential run: a lenient HTTP/1.x server (CRLF or bare LF, Content-Length or
/// chunked request bodies) that keeps every byte each connection received, tagged with the case being played, and
/// answers deterministically (no Date header). The path picks the response shape (see
/// <see cref="Testing.Http.HttpRequestGenerator.DifferentialPaths"/>); anything it cannot parse closes the connection.
/// </summary>
internal sealed class DifferentialBackend : IDisposable
{
    private readonly Socket _listener;
    private readonly List<(int Case, MemoryStream Bytes)> _connections = [];
    private readonly List<Socket> _open = [];
    private readonly object _lock = new();
    private readonly Thread _acceptThread;
    private volatile bool _stopping;

    public DifferentialBackend()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(64);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _acceptThread = new Thread(AcceptLoop) { IsBackground = true, Name = "diff-backend" };
        _acceptThread.Start();
    }

    public int Port { get; }

    /// <summary>The case whose traffic is flowing now; new connections are tagged with it.</summary>
    public int CurrentCase { get; set; }

    /// <summary>
    /// Waits (at most 300 ms) until every connection the proxy already made is accepted and tagged: the accept thread
    /// has taken every pending connection. Called before <see cref="CurrentCase"/> moves on, so a connection
    /// made late in a case (after the client saw its close) is not counted for the next one.
    /// </summary>
    public void WaitIdle()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 300 && !_stopping)
        {
            try
            {
                lock (_lock)
                {
                    if (!_listener.Poll(0, SelectMode.SelectRead))
                    {
                        return;
                    }
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            Thread.Sleep(1);
        }
    }

    /// <summary>The bytes received by every connection of <paramref name="index"/>, in accept order.</summary>
    public IReadOnlyList<byte[]> ReceivedBy(int index)
    {
        lock (_lock)
        {
            var list = new List<byte[]>();
            foreach (var (c, bytes) in _connections)
            {
                if (c == index)
                {
                    lock (bytes)
                    {
                        list.Add(bytes.ToArray());
                    }
                }
            }

            return list;
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _listener.Close();
        lock (_lock)
        {
            foreach (var s in _open)
            {
                s.Close();
            }
        }

        _acceptThread.Join(TimeSpan.FromSeconds(2));
    }

    private void AcceptLoop()
    {
        while (!_stopping)
        {
            Socket connection;
            var record = new MemoryStream();
            try
            {
                if (!_listener.Poll(20_000, SelectMode.SelectRead))
                {
                    continue;
                }

                // Accepted and tagged under the lock, so WaitIdle sees either a pending or a tagged connection.
                lock (_lock)
                {
                    connection = _listener.Accept();
                    _connections.Add((CurrentCase, record));
                    _open.Add(connection);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            var thread = new Thread(() => Serve(connection, record)) { IsBackground = true, Name = "diff-backend-conn" };
            thread.Start();
        }
    }

    private void Serve(Socket connection, MemoryStream record)
    {
        var reader = new Reader(connection, record);
        try
        {
            connection.ReceiveTimeout = 5000;
            var count = 0;
            while (!_stopping)
            {
                var head = reader.ReadHead();
                if (head is null)
                {
                    return;
                }

                count++;
                var lines = head.Split('\n');
                var first = lines[0].TrimEnd('\r').Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (first.Length < 2)
                {
                    return;
                }

                var method = first[0];
                var path = first[1];
                var version = first.Length > 2 ? first[2] : "HTTP/0.9";
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (var i = 1; i < lines.Length; i++)
                {
                    var line = lines[i].TrimEnd('\r');
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                    }
                }

                if (!reader.SkipBody(headers, chunkedAllowed: version != "HTTP/1.0"))
                {
                    return;
                }

                var connectionHeader = headers.GetValueOrDefault("Connection", string.Empty).ToLowerInvariant();
                var keepAlive = version == "HTTP/1.0"
                    ? connectionHeader.Contains("keep-alive", StringComparison.Ordinal)
                    : !connectionHeader.Contains("close", StringComparison.Ordinal);
                if (!Respond(connection, method, path, count, ref keepAlive) || !keepAlive)
                {
                    connection.Shutdown(SocketShutdown.Send);
                    reader.Drain();
                    return;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException or FormatException or OverflowException)
        {
        }
        finally
        {
            connection.Close();
        }
    }

    /// <summary>Sends the response for <paramref name="path"/>; false to close at once without one.</summary>
    private static bool Respond(Socket connection, string method, string path, int count, ref bool keepAlive)
    {
        var body = "ok " + method + " " + count.ToString(CultureInfo.InvariantCulture) + "\n";
        var head = new StringBuilder();
        var status = "HTTP/1.1 200 OK";
        var length = true;
        var close = !keepAlive;
        if (path.StartsWith("/r/", StringComparison.Ordinal))
        {
            switch (path)
            {
                case "/r/drop":
                    return false;
                case "/r/chunked":
                    head.Append("Transfer-Encoding: chunked\r\n");
                    body = "5;e=1\r\nhello\r\n3\r\n, w\r\n0\r\nX-Trailer: t\r\n\r\n";
                    length = false;
                    break;
                case "/r/close":
                    body = "close-delimited body\n";
                    length = false;
                    close = true;
                    break;
                case "/r/204":
                    status = "HTTP/1.1 204 No Content";
                    body = string.Empty;
                    length = false;
                    break;
                case "/r/304":
                    status = "HTTP/1.1 304 Not Modified";
                    body = string.Empty;
                    length = false;
                    break;
                case "/r/404":
                    status = "HTTP/1.1 404 Not Found";
                    break;
                case "/r/http10":
                    status = "HTTP/1.0 200 OK";
                    close = true;
                    break;
                case "/r/badheader":
                    head.Append("Bad Header: x\r\n");
                    break;
                case "/r/big":
                    body = new string('b', 20000) + "\n";
                    break;
            }
        }

        if (path.Contains("setcookie", StringComparison.Ordinal))
        {
            // For the rules mode: cookies a persistence cookie (rewrite, prefix) or rsp* rules can work on.
            head.Append("Set-Cookie: SRV=app; path=/\r\nSet-Cookie: JSESSIONID=abc123; path=/\r\n");
        }

        if (method == "HEAD" && length)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {Encoding.Latin1.GetByteCount(body)}\r\n");
            length = false;
            body = string.Empty;
        }

        if (length)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {Encoding.Latin1.GetByteCount(body)}\r\n");
        }

        if (close)
        {
            head.Append("Connection: close\r\n");
        }

        keepAlive = !close;
        var text = status + "\r\nContent-Type: text/plain\r\n" + head + "\r\n" + (method == "HEAD" ? string.Empty : body);
        var bytes = Encoding.Latin1.GetBytes(text);
        var sent = 0;
        while (sent < bytes.Length)
        {
            sent += connection.Send(bytes, sent, bytes.Length - sent, SocketFlags.None);
        }

        return true;
    }

    /// <summary>Buffered reads that also record every byte received.</summary>
    private sealed class Reader(Socket socket, MemoryStream record)
    {
        private readonly byte[] _chunk = new byte[16384];
        private readonly List<byte> _buffer = [];

        /// <summary>The request head up to its empty line (CRLF or LF), or null at end of stream.</summary>
        public string? ReadHead()
        {
            while (true)
            {
                for (var i = 0; i < _buffer.Count; i++)
                {
                    if (_buffer[i] != '\n')
                    {
                        continue;
                    }

                    var next = i + 1;
                    if (next < _buffer.Count && _buffer[next] == '\r')
                    {
                        next++;
                    }

                    if (next < _buffer.Count && _buffer[next] == '\n')
                    {
                        var head = Encoding.Latin1.GetString([.. _buffer.GetRange(0, next + 1)]);
                        _buffer.RemoveRange(0, next + 1);

                        // Leading empty lines before a request are skipped like a server would.
                        var trimmed = head.TrimStart('\r', '\n');
                        if (trimmed.Length == 0)
                        {
                            i = -1;
                            continue;
                        }

                        return trimmed;
                    }
                }

                if (!Fill())
                {
                    return null;
                }
            }
        }

        /// <summary>Reads past the request body (Transfer-Encoding only counts for HTTP/1.1); false when it cannot be parsed.</summary>
        public bool SkipBody(Dictionary<string, string> headers, bool chunkedAllowed)
        {
            if (chunkedAllowed && headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                while (true)
                {
                    var sizeLine = ReadLine();
                    if (sizeLine is null)
                    {
                        return false;
                    }

                    var hex = sizeLine.Split(';')[0].Trim();
                    if (!int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size < 0)
                    {
                        return false;
                    }

                    if (size == 0)
                    {
                        // Trailers up to the empty line.
                        while (ReadLine() is { } trailer)
                        {
                            if (trailer.Length == 0)
                            {
                                return true;
                            }
                        }

                        return false;
                    }

                    if (!Skip(size) || ReadLine() is null)
                    {
                        return false;
                    }
                }
            }

            if (headers.TryGetValue("Content-Length", out var cl))
            {
                return int.TryParse(cl, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && Skip(n);
            }

            return true;
        }

        public void Drain()
        {
            try
            {
                socket.ReceiveTimeout = 2000;
                while (Fill())
                {
                }
            }
            catch (SocketException)
            {
            }
        }

        private string? ReadLine()
        {
            while (true)
            {
                var lf = _buffer.IndexOf((byte)'\n');
                if (lf >= 0)
                {
                    var line = Encoding.Latin1.GetString([.. _buffer.GetRange(0, lf)]).TrimEnd('\r');
                    _buffer.RemoveRange(0, lf + 1);
                    return line;
                }

                if (!Fill())
                {
                    return null;
                }
            }
        }

        private bool Skip(int count)
        {
            while (_buffer.Count < count)
            {
                if (!Fill())
                {
                    return false;
                }
            }

            _buffer.RemoveRange(0, count);
            return true;
        }

        private bool Fill()
        {
            var n = socket.Receive(_chunk);
            if (n <= 0)
            {
                return false;
            }

            lock (record)
            {
                record.Write(_chunk, 0, n);
            }

            _buffer.AddRange(_chunk.AsSpan(0, n).ToArray());
            return true;
        }
    }
}
