using System.Net;
using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Http.HttpHarness;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>
/// <c>mode health</c> in virtual time: every client gets <c>OK\n</c> (the 200 with <c>option httpchk</c>) and is
/// closed; logged only with tcplog (httplog falls back to it), never for monitor-net. Bytes and lines as 1.4.25
/// (golden testdata/golden/mode-health).
/// </summary>
public class HealthModeTests
{
    private const string Defaults = "defaults\n    log global\n    timeout client 5s\n    timeout server 5s\n    timeout connect 5s\n";

    private static (string Reply, IReadOnlyList<string> Lines, EngineHarness H) Run(string options, IPAddress? source = null, string send = "")
    {
        var h = FromConfig(Defaults + "listen hc\n    bind 127.0.0.1:10001\n    mode health\n" + options);
        h.Start();
        var actions = send.Length > 0
            ? new SimClientAction[] { Send(send), new SimClientAction.RecvUntilClose() }
            : [new SimClientAction.RecvUntilClose()];
        var c = source is null ? h.AddClient(FePort, 0, actions) : h.AddClientFrom(source, FePort, 0, actions);
        h.RunFor(200);
        return (Received(c), SessionLines(h), h);
    }

    [Fact]
    public void Health_PlainClient_OkAndClosedNothingLogged()
    {
        var (reply, lines, h) = Run(string.Empty);
        Assert.Equal("OK\n", reply);
        Assert.Empty(lines);

        // Not even the default "Connect from" line (1.4 sends it for tcp and http modes only).
        Assert.DoesNotContain(h.Log.Messages, m => m.StartsWith("Connect from", StringComparison.Ordinal));
    }

    [Fact]
    public void Health_HttpChk_Http10200()
    {
        var (reply, _, _) = Run("    option httpchk\n", send: "GET / HTTP/1.0\r\n\r\n");
        Assert.Equal("HTTP/1.0 200 OK\r\n\r\n", reply);
    }

    [Theory]
    [InlineData("    option tcplog\n")]
    [InlineData("    option httplog\n")]
    public void Health_TcpLogOrHttpLog_OneTcpLogLine(string option)
    {
        var (reply, lines, _) = Run(option);
        Assert.Equal("OK\n", reply);
        var line = Assert.Single(lines);
        Assert.EndsWith(" hc hc/<NOSRV> -1/-1/0 3 -- 0/0/0/0/0 0/0", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Health_MonitorNetClient_OkButNotLogged()
    {
        var (reply, lines, _) = Run("    option tcplog\n    monitor-net 127.0.0.0/8\n");
        Assert.Equal("OK\n", reply);
        Assert.Empty(lines);
    }
}
