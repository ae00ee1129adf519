using HaproxyNet.Core.Sessions;
using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Http.HttpHarness;

namespace HaproxyNet.Core.Tests.Http;

/// <summary>
/// A keep-alive connection idle between two requests holds no header index nor request line (the transaction's
/// in-flight storage, ~6 KiB, goes back to the frontend's pool), and the next request takes one again and is
/// parsed, forwarded and logged as before. Measured from outside with eng/perf/held-keepalive.py.
/// </summary>
public class HttpIdleStorageTests
{
    private const string Config =
        "defaults\n    mode http\n    log global\n    option httplog\n    option http-server-close\n"
        + "    timeout client 60s\n    timeout server 10s\n    timeout connect 5s\n    timeout http-keep-alive 60s\n"
        + "frontend fe\n    bind 127.0.0.1:10001\n    default_backend be\n"
        + "backend be\n    server s1 127.0.0.1:20001\n";

    private static List<Session> Live(EngineHarness h)
    {
        var all = new List<Session>();
        for (var s = h.Loop.LiveSessions; s is not null; s = s.NextLive)
        {
            all.Add(s);
        }

        return all;
    }

    [Fact]
    public void KeepAlive_IdleAfterResponse_HoldsNoStorage()
    {
        var h = FromConfig(Config);
        HttpServer(h);
        h.Start();
        for (var i = 0; i < 20; i++)
        {
            h.AddClient(FePort, i, [Get("/a" + i), new SimClientAction.HoldUntil(30_000)]);
        }

        h.RunFor(1000);

        var live = Live(h);
        Assert.Equal(20, live.Count);
        Assert.All(live, s => Assert.False(s.Txn!.HasStorage, "an idle keep-alive session still holds its header indexes"));
        Assert.Equal(20, SessionLines(h).Count);
    }

    [Fact]
    public void KeepAlive_NextRequestAfterIdle_ParsedAndLoggedWithItsOwnUri()
    {
        var h = FromConfig(Config);
        HttpServer(h);
        h.Start();
        var c = h.AddClient(FePort, 0,
            [Get("/first"), new SimClientAction.Sleep(500), Get("/second?x=1"), new SimClientAction.HoldUntil(5_000)]);

        h.RunFor(300);
        var session = Assert.Single(Live(h));
        Assert.False(session.Txn!.HasStorage);

        h.RunFor(1000);

        Assert.Equal(2, c.ResponsesReceived);
        var lines = SessionLines(h);
        Assert.Equal(2, lines.Count);
        Assert.Contains("\"GET /first HTTP/1.1\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"GET /second?x=1 HTTP/1.1\"", lines[1], StringComparison.Ordinal);
        Assert.False(session.Txn!.HasStorage);
    }

    [Fact]
    public void Session_Ended_StorageReturnedToFrontendPool()
    {
        var h = FromConfig(Config.Replace("option http-server-close", "option httpclose", StringComparison.Ordinal));
        HttpServer(h);
        h.Start();
        for (var i = 0; i < 10; i++)
        {
            h.AddClient(FePort, i * 50, [Get("/"), new SimClientAction.RecvUntilClose()]);
        }

        h.RunFor(1000);

        Assert.Empty(Live(h));
        var fe = h.Loop.Proxies.First(p => p.Name == "fe");
        Assert.Single(fe.TxnStoragePool); // one connection at a time: the same storage served all ten
        Assert.Equal(10, SessionLines(h).Count);
    }
}
