using System.Net;
using System.Net.Sockets;
using System.Text;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.EndToEnd.Tests.Scenarios;

/// <summary>SocketReader over a real loopback connection; the peer writes canned bytes, reads are bounded by a 5 s timeout.</summary>
public sealed class SocketReaderTests : IDisposable
{
    private readonly Socket _client;
    private readonly Socket _server;

    public SocketReaderTests()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        _client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 5000 };
        _client.Connect(listener.LocalEndPoint!);
        _server = listener.Accept();
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Fact]
    public void ReadHttpMessage_ChunkedResponse_JoinsChunks()
    {
        Peer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n");

        var response = new SocketReader(_client).ReadHttpMessage(isRequest: false)!;

        Assert.Equal(200, response.Status);
        Assert.Equal("hello, world", Encoding.ASCII.GetString(response.Body));
    }

    [Fact]
    public void ReadHttpMessage_NoLengthResponse_ReadsUntilClose()
    {
        Peer("HTTP/1.0 502 Bad Gateway\r\nX-A: 1\r\n\r\nbody text", close: true);

        var response = new SocketReader(_client).ReadHttpMessage(isRequest: false)!;

        Assert.Equal(502, response.Status);
        Assert.Equal("1", response.Headers["x-a"]);
        Assert.Equal("body text", Encoding.ASCII.GetString(response.Body));
    }

    [Theory]
    [InlineData("HEAD", 200)]
    [InlineData("GET", 204)]
    [InlineData("GET", 304)]
    public void ReadHttpMessage_BodylessResponse_DoesNotWaitForBody(string method, int status)
    {
        Peer($"HTTP/1.1 {status} X\r\nContent-Length: 10\r\n\r\n");

        var response = new SocketReader(_client).ReadHttpMessage(isRequest: false, method)!;

        Assert.Equal(status, response.Status);
        Assert.Empty(response.Body);
    }

    [Fact]
    public void ReadHttpMessage_RequestWithoutVersion_IsHttp09()
    {
        Peer("GET\r\n\r\n");

        var request = new SocketReader(_client).ReadHttpMessage(isRequest: true)!;

        Assert.Equal(("GET", "", "HTTP/0.9"), (request.Method, request.Target, request.Version));
    }

    [Fact]
    public void ReadHttpMessage_CleanEof_IsNull()
    {
        Peer("", close: true);

        Assert.Null(new SocketReader(_client).ReadHttpMessage(isRequest: true));
    }

    [Fact]
    public void ReadExact_PeerClosesEarly_ReturnsWhatArrived()
    {
        Peer("abc", close: true);

        Assert.Equal("abc", Encoding.ASCII.GetString(new SocketReader(_client).ReadExact(10)));
    }

    private void Peer(string text, bool close = false)
    {
        _server.Send(Encoding.Latin1.GetBytes(text));
        if (close)
        {
            _server.Shutdown(SocketShutdown.Send);
        }
    }
}
