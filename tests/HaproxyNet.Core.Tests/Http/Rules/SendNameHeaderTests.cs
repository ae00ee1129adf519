using System.Text;
using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Http.HttpHarness;
using static HaproxyNet.Core.Tests.Http.Rules.RuleHarness;

namespace HaproxyNet.Core.Tests.Http.Rules;

/// <summary>
/// http-send-name-header in virtual time: the bytes the server receives, as 1.4.25 sends them (the real-socket and
/// golden checks against the reference are in testdata/golden/rules-send-name).
/// </summary>
public class SendNameHeaderTests
{
    [Fact]
    public void SendName_ClientCopies_AllRemovedAndServerNameAppendedLast()
    {
        var x = Run(
            Listen("    http-send-name-header X-Srv\n"),
            "GET /x HTTP/1.0\r\nHost: h\r\nX-Srv: client1\r\nx-srv: a, b\r\nAccept: */*\r\n\r\n");
        Assert.Equal("GET /x HTTP/1.0\r\nHost: h\r\nAccept: */*\r\nX-Srv: s1\r\n\r\n", x.ServerSaw);
        Assert.Contains(" 200 ", x.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void SendName_PostBodyPartlyForwarded_HeaderBeforeTheWholeBody()
    {
        var h = FromConfig(Listen("    http-send-name-header X-Server-Name\n"));
        var srv = HttpServer(h);
        h.Start();
        var c = h.AddClient(FePort, 0, [
            Send("POST /p HTTP/1.0\r\nContent-Length: 10\r\n\r\nhello"),
            new SimClientAction.Sleep(50),
            Send("world"),
            new SimClientAction.RecvUntilClose(),
        ]);
        h.RunFor(300);
        Assert.Equal(
            "POST /p HTTP/1.0\r\nContent-Length: 10\r\nX-Server-Name: s1\r\n\r\nhelloworld",
            Encoding.Latin1.GetString([.. srv.Received]));
        Assert.StartsWith("HTTP/1.1 200", Received(c), StringComparison.Ordinal);
    }

    [Fact]
    public void SendName_RedispatchAfterRefusedConnect_NamesTheFinalServer()
    {
        var cfg = Defaults.Replace("retries 0", "retries 1", StringComparison.Ordinal)
            + "listen fe\n    bind 127.0.0.1:10001\n    option redispatch\n    balance roundrobin\n"
            + "    http-send-name-header X-Srv\n    server dead 127.0.0.1:20002\n    server s1 127.0.0.1:20001\n";
        var h = FromConfig(cfg);
        var srv = HttpServer(h);
        h.Network.AddServer(EngineHarness.Ep(20002), SimServerKind.Refuse);
        h.Start();
        var c = h.AddClient(FePort, 0, [Send("GET /r HTTP/1.0\r\nX-Srv: me\r\n\r\n"), new SimClientAction.RecvUntilClose()]);
        h.RunFor(3000);
        Assert.Equal("GET /r HTTP/1.0\r\nX-Srv: s1\r\n\r\n", Encoding.Latin1.GetString([.. srv.Received]));
        Assert.StartsWith("HTTP/1.1 200", Received(c), StringComparison.Ordinal);
        Assert.Contains(" fe/s1 ", Assert.Single(SessionLines(h)), StringComparison.Ordinal);
    }

    [Fact]
    public void SendName_LineDoesNotFitTheBuffer_OldHeaderRemovedNothingAdded()
    {
        // 1.4's buffer_insert_line2 refuses a line that would leave no byte free: the request goes without it.
        var longName = new string('n', 200);
        var cfg = "global\n    tune.bufsize 1024\n    tune.maxrewrite 64\n" + Defaults
            + "listen fe\n    bind 127.0.0.1:10001\n    http-send-name-header X-Srv\n    server " + longName + " 127.0.0.1:20001\n";
        var request = "GET /big HTTP/1.0\r\nX-Srv: c\r\nX-Pad: " + new string('p', 850) + "\r\n\r\n";
        var h = FromConfig(cfg);
        var srv = HttpServer(h);
        h.Start();
        h.AddClient(FePort, 0, [Send(request), new SimClientAction.RecvUntilClose()]);
        h.RunFor(300);
        Assert.Equal(request.Replace("X-Srv: c\r\n", string.Empty, StringComparison.Ordinal), Encoding.Latin1.GetString([.. srv.Received]));
    }

    [Fact]
    public void SendName_TcpBackend_RequestUntouched()
    {
        var cfg = "defaults\n    mode tcp\n    timeout client 10s\n    timeout server 10s\n    timeout connect 5s\n"
            + "listen fe\n    bind 127.0.0.1:10001\n    http-send-name-header X-Srv\n    server s1 127.0.0.1:20001\n";
        var h = FromConfig(cfg);
        var srv = HttpServer(h);
        h.Start();
        h.AddClient(FePort, 0, [Send("GET / HTTP/1.0\r\nX-Srv: c\r\n\r\n"), new SimClientAction.RecvUntilClose()]);
        h.RunFor(300);
        Assert.Equal("GET / HTTP/1.0\r\nX-Srv: c\r\n\r\n", Encoding.Latin1.GetString([.. srv.Received]));
    }
}
