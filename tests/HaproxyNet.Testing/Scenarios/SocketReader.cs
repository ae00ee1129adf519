using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>Buffered blocking reads on a socket, shared by harness clients and HTTP backends.</summary>
public sealed class SocketReader
{
    private const int MaxHead = 1 << 20;
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    private readonly Socket _socket;
    private readonly byte[] _chunk = new byte[65536];
    private byte[] _buffer = [];
    private bool _eof;

    public SocketReader(Socket socket)
    {
        _socket = socket;
    }

    /// <summary>Exactly <paramref name="count"/> bytes, or fewer when the peer closes first.</summary>
    public byte[] ReadExact(int count)
    {
        while (_buffer.Length < count && Fill())
        {
        }

        return Take(Math.Min(count, _buffer.Length));
    }

    /// <summary>Bytes up to and including <paramref name="marker"/>; null on EOF or when more than 1 MiB arrives without it.</summary>
    public byte[]? ReadUntil(ReadOnlySpan<byte> marker)
    {
        int index;
        while ((index = _buffer.AsSpan().IndexOf(marker)) < 0)
        {
            if (_buffer.Length > MaxHead || !Fill())
            {
                return null;
            }
        }

        return Take(index + marker.Length);
    }

    /// <summary>Everything until the peer closes; a timeout or socket error ends the read quietly.</summary>
    /// <param name="maxWait">When set, becomes the socket's receive timeout (it stays so afterwards).</param>
    public byte[] ReadUntilClose(TimeSpan? maxWait = null)
    {
        if (maxWait is { } wait)
        {
            _socket.ReceiveTimeout = (int)wait.TotalMilliseconds;
        }

        try
        {
            while (Fill())
            {
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        return Take(_buffer.Length);
    }

    /// <summary>Reads one request or response with its body; null on a clean EOF before the head.</summary>
    /// <param name="isRequest">True for a request (backend side), false for a response (client side).</param>
    /// <param name="requestMethod">For a response: the method of the request (a HEAD response has no body).</param>
    public HttpMessage? ReadHttpMessage(bool isRequest, string requestMethod = "GET")
    {
        var head = ReadUntil(HeadEnd);
        if (head is null)
        {
            return null;
        }

        var lines = Encoding.Latin1.GetString(head).Split("\r\n");
        var first = lines[0].Split(' ', 3);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = 1; n < lines.Length; n++)
        {
            var colon = lines[n].IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                headers[lines[n][..colon].Trim().ToLowerInvariant()] = lines[n][(colon + 1)..].Trim();
            }
        }

        string method = string.Empty, target = string.Empty, version;
        var status = -1;
        if (isRequest)
        {
            method = first[0];
            target = first.Length > 1 ? first[1] : string.Empty;
            version = first.Length > 2 ? first[2] : "HTTP/0.9";
        }
        else
        {
            version = first[0];
            status = first.Length > 1
                ? int.Parse(first[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
                : -1;
        }

        return new HttpMessage(method, target, version, status, headers, ReadBody(isRequest, requestMethod, status, headers));
    }

    private byte[] ReadBody(bool isRequest, string requestMethod, int status, Dictionary<string, string> headers)
    {
        if (!isRequest && (requestMethod == "HEAD" || status is 204 or 304 || (status >= 100 && status < 200)))
        {
            return [];
        }

        if (headers.TryGetValue("transfer-encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            return ReadChunked();
        }

        if (headers.TryGetValue("content-length", out var length))
        {
            return ReadExact(int.Parse(length, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        return isRequest ? [] : ReadUntilClose();
    }

    private byte[] ReadChunked()
    {
        var body = new List<byte>();
        while (ReadUntil(LineEnd) is { } sizeLine)
        {
            var text = Encoding.Latin1.GetString(sizeLine).Split(';')[0].Trim();
            var size = text.Length == 0 ? 0 : int.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var chunk = ReadExact(size + 2);
            body.AddRange(chunk.AsSpan(0, Math.Min(size, chunk.Length)).ToArray());
            if (size == 0)
            {
                break;
            }
        }

        return [.. body];
    }

    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        var received = _socket.Receive(_chunk);
        if (received == 0)
        {
            _eof = true;
            return false;
        }

        var grown = new byte[_buffer.Length + received];
        _buffer.CopyTo(grown, 0);
        _chunk.AsSpan(0, received).CopyTo(grown.AsSpan(_buffer.Length));
        _buffer = grown;
        return true;
    }

    private byte[] Take(int count)
    {
        var taken = _buffer[..count];
        _buffer = _buffer[count..];
        return taken;
    }
}
