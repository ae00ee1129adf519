using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Http.HttpHarness;

namespace HaproxyNet.Core.Tests.Http;

/// <summary>
/// 1.4.25's chunk-size limit: a size of 2^31 or more is invalid (the parser refuses a digit once the value has any
/// of its top five bits set), so the request is refused by the body analyser before any server connection
/// (<c>PH--</c>, <c>&lt;NOSRV&gt;</c>, status -1, nothing sent: smuggling row chunk-size-2g); 0x7fffffff is a valid size.
/// </summary>
public class HttpChunkSizeLimitTests
{
    private const string Config =
        "defaults\n    mode http\n    log global\n    option httplog\n    retries 0\n"
        + "    timeout client 3s\n    timeout server 3s\n    timeout connect 1s\n"
        + "frontend fe\n    bind 127.0.0.1:10001\n    option http-server-close\n    default_backend be\n"
        + "backend be\n    server s1 127.0.0.1:20001\n";

    [Theory]
    [InlineData("80000000")]
    [InlineData("000080000000")]
    [InlineData("fffffffff")]
    public void ChunkSize_TwoGibOrMore_RefusedBeforeConnectPH(string size)
    {
        var h = FromConfig(Config);
        var server = HttpServer(h);
        h.Start();
        var c = h.AddClient(FePort, 0,
            [Send("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + size + "\r\nhello\r\n0\r\n\r\n"),
                new SimClientAction.ShutdownWrite(), new SimClientAction.RecvUntilClose()]);

        h.RunFor(200);

        Assert.Equal(0, server.Accepted);
        Assert.True(c.Done);
        Assert.Equal(string.Empty, Received(c));
        var line = Assert.Single(SessionLines(h));
        Assert.Contains(" fe be/<NOSRV> 0/-1/-1/-1/0 -1 0 - - PH-- ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ChunkSize_0x7fffffff_AcceptedAndForwarded()
    {
        var h = FromConfig(Config);
        var server = HttpServer(h);
        h.Start();
        h.AddClient(FePort, 0,
            [Send("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n7fffffff\r\nhello"), new SimClientAction.Sleep(50),
                new SimClientAction.ShutdownWrite(), new SimClientAction.RecvUntilClose()]);

        h.RunFor(200);

        Assert.Equal(1, server.Accepted);
        Assert.EndsWith("7fffffff\r\nhello", System.Text.Encoding.Latin1.GetString([.. server.Received]), StringComparison.Ordinal);
        Assert.Contains(" fe be/s1 ", Assert.Single(SessionLines(h)), StringComparison.Ordinal);
    }
}
