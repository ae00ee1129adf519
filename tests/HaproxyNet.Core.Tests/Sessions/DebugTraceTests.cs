using HaproxyNet.Core.Diagnostics;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>
/// The <c>-d</c> lines (CLI.md §5) on the simulated network, whose descriptor numbers follow the kernel's rule:
/// 0-3 taken (stdio, poller), listener 4, then the lowest free number for each accept or connect.
/// </summary>
public class DebugTraceTests
{
    private const int Fe = 10001;
    private const int Be1 = 20001;

    private static readonly SimClientAction[] EchoOnce = [new SimClientAction.Send([1, 2, 3]), new SimClientAction.Recv(3)];

    [Fact]
    public void Session_ClientHalfClosesFirst_AcceptSrvclsClicslClosedWithItsFds()
    {
        var (h, p, d) = Build();
        h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        h.Start();
        var c = h.AddClient(Fe, 0, EchoOnce, SimCloseMode.Graceful);

        Assert.True(h.RunUntil(() => c.Done && h.Loop.ActConn == 0, 5000));

        // The client's FIN reaches the server, whose FIN closes both sides in the same run: server side first.
        Assert.Equal(
            [
                "00000000:l.accept(0004)=0005 from [127.0.0.1:40001]\n",
                "00000000:l.srvcls[0005:0006]\n",
                "00000000:l.clicls[0005:0006]\n",
                "00000000:l.closed[0005:0006]\n",
            ],
            d.Lines);
    }

    [Fact]
    public void Session_ServerClosesFirst_SameLinesServerSideFirst()
    {
        var (h, p, d) = Build();
        h.AddServer(p, "s1", Be1, SimServerKind.Close);
        h.Start();
        var c = h.AddClient(Fe, 0, [new SimClientAction.Send([1])], SimCloseMode.Wait);

        Assert.True(h.RunUntil(() => c.Done && h.Loop.ActConn == 0, 5000));

        Assert.Equal(
            [
                "00000000:l.accept(0004)=0005 from [127.0.0.1:40001]\n",
                "00000000:l.srvcls[0005:0006]\n",
                "00000000:l.clicls[0005:0006]\n",
                "00000000:l.closed[0005:0006]\n",
            ],
            d.Lines);
    }

    [Fact]
    public void Session_ClientResetsWhileServerHolds_ClosesPrintedOnceEach()
    {
        var (h, p, d) = Build();
        h.AddServer(p, "s1", Be1, SimServerKind.Hold);
        h.Start();
        h.AddClient(Fe, 0, [new SimClientAction.Send([1]), new SimClientAction.Sleep(200)], SimCloseMode.Reset);

        h.RunFor(1000);

        Assert.Equal(
            [
                "00000000:l.accept(0004)=0005 from [127.0.0.1:40001]\n",
                "00000000:l.srvcls[0005:0006]\n",
                "00000000:l.clicls[0005:0006]\n",
                "00000000:l.closed[0005:0006]\n",
            ],
            d.Lines);
    }

    [Fact]
    public void QueuedSession_QueueTimeoutExpires_ClosedWithServerFdFfffAndNoSrvcls()
    {
        var (h, p, d) = Build(queue: 1000);
        var s = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s.MaxConn = s.MinConn = 1;
        h.Start();
        var t0 = h.ElapsedMs;
        h.AddClient(Fe, 0, [new SimClientAction.Send([1]), new SimClientAction.Recv(1), new SimClientAction.HoldUntil(5000)]);
        h.AddClient(Fe, 10, [new SimClientAction.HoldUntil(5000)]);

        h.RunUntilMs(t0 + 10 + 999);
        Assert.Equal(2, d.Lines.Count);
        h.RunUntilMs(t0 + 10 + 1000);

        Assert.Equal(
            [
                "00000000:l.accept(0004)=0005 from [127.0.0.1:40001]\n",
                "00000001:l.accept(0004)=0007 from [127.0.0.1:40002]\n",
                "00000001:l.clicls[0007:ffff]\n",
                "00000001:l.closed[0007:ffff]\n",
            ],
            d.Lines);
    }

    [Fact]
    public void NoServerAvailable_NeverConnected_ServerFdFfff()
    {
        var (h, p, d) = Build();
        var s = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s.State = ServerState.None; // DOWN
        h.Start();
        h.AddClient(Fe, 0, [new SimClientAction.Send([1])], SimCloseMode.Wait);

        h.RunFor(100);

        Assert.Equal(
            [
                "00000000:l.accept(0004)=0005 from [127.0.0.1:40001]\n",
                "00000000:l.clicls[0005:ffff]\n",
                "00000000:l.closed[0005:ffff]\n",
            ],
            d.Lines);
    }

    [Fact]
    public void RetriedConnect_AnotherSocketTookTheFirstNumber_ClosedShowsNewestAttempt()
    {
        var (h, p, d) = Build(retries: 1);
        h.AddServer(p, "s1", Be1, SimServerKind.Refuse);
        h.Start();
        h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(5000)]);
        h.AddClient(Fe, 500, [new SimClientAction.HoldUntil(5000)]);

        h.RunFor(1100);

        // Session 0: fd 6 for its first attempt (refused, closed); session 1 is accepted on 6 and tries on 7
        // (closed too); session 0's retry at 1000 ms gets the lowest free number, 7, and gives up.
        Assert.Equal(
            [
                "00000000:l.accept(0004)=0005 from [127.0.0.1:40001]\n",
                "00000001:l.accept(0004)=0006 from [127.0.0.1:40002]\n",
                "00000000:l.clicls[0005:0007]\n",
                "00000000:l.closed[0005:0007]\n",
            ],
            d.Lines);
    }

    [Fact]
    public void ConnectRefusedSynchronously_ClosedShowsTheNumberSocketGave()
    {
        var (h, p, d) = Build(retries: 0);
        h.AddServer(p, "s1", Be1, SimServerKind.RefuseSync);
        h.Start();
        h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(5000)]);

        h.RunFor(100);

        // 1.4 sets si->fd from socket() before connect() fails, and never resets it.
        Assert.Equal(
            [
                "00000000:l.accept(0004)=0005 from [127.0.0.1:40001]\n",
                "00000000:l.clicls[0005:0006]\n",
                "00000000:l.closed[0005:0006]\n",
            ],
            d.Lines);
    }

    [Fact]
    public void ClientAbortsWhileConnecting_NoSrvclsServerFdOfTheConnectingSocket()
    {
        var (h, p, d) = Build();
        h.AddServer(p, "s1", Be1, SimServerKind.Blackhole);
        h.Start();
        h.AddClient(Fe, 0, [new SimClientAction.Sleep(300)], SimCloseMode.Close);

        h.RunFor(1000);

        // The server side never reached EST: only the client side reports its close.
        Assert.Equal(
            [
                "00000000:l.accept(0004)=0005 from [127.0.0.1:40001]\n",
                "00000000:l.clicls[0005:0006]\n",
                "00000000:l.closed[0005:0006]\n",
            ],
            d.Lines);
    }

    [Fact]
    public void TwoListeners_ClientOnTheSecond_AcceptShowsThatListenersFd()
    {
        var (h, p, d) = Build();
        p.Listeners.Add(new Listener(p, EngineHarness.Ep(Fe + 1)));
        h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        h.Start();
        var c = h.AddClient(Fe + 1, 0, EchoOnce, SimCloseMode.Graceful);

        Assert.True(h.RunUntil(() => c.Done && h.Loop.ActConn == 0, 5000));

        Assert.Equal([4, 5], p.Listeners.Select(l => l.Fd));
        Assert.Equal("00000000:l.accept(0005)=0006 from [127.0.0.1:40001]\n", d.Lines[0]);
        Assert.Equal("00000000:l.closed[0006:0007]\n", d.Lines[^1]);
    }

    [Fact]
    public void SessionIds_PastNine_PrintedInLowerCaseHex()
    {
        var (h, p, d) = Build();
        h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        h.Start();
        for (var i = 0; i < 17; i++)
        {
            h.AddClient(Fe, i * 100, EchoOnce, SimCloseMode.Graceful);
        }

        Assert.True(h.RunUntil(() => h.Network.FinishedClients == 17 && h.Loop.ActConn == 0, 10_000));

        var accepts = d.Lines.Where(l => l.Contains(".accept(", StringComparison.Ordinal)).ToList();
        Assert.Equal(17, accepts.Count);
        Assert.Equal("00000009:l.accept(0004)=0005 from [127.0.0.1:40010]\n", accepts[9]);
        Assert.Equal("0000000a:l.accept(0004)=0005 from [127.0.0.1:40011]\n", accepts[10]);
        Assert.Equal("0000000f:l.accept(0004)=0005 from [127.0.0.1:40016]\n", accepts[15]);
        Assert.Equal("00000010:l.accept(0004)=0005 from [127.0.0.1:40017]\n", accepts[16]);
        Assert.Equal("0000000a:l.closed[0005:0006]\n", d.Lines.Single(l => l.StartsWith("0000000a:l.closed", StringComparison.Ordinal)));
    }

    [Fact]
    public void DefaultBackend_AcceptNamesFrontendLaterLinesNameBackend()
    {
        var h = new EngineHarness();
        var d = new RecordingDebugOutput();
        h.Loop.DebugOutput = d;
        var fe = new Proxy("web") { Capabilities = ProxyCapabilities.Frontend };
        fe.Listeners.Add(new Listener(fe, EngineHarness.Ep(Fe)));
        var be = new Proxy("pool") { Capabilities = ProxyCapabilities.Backend };
        be.Timeouts.Connect = be.Timeouts.Server = 5000;
        fe.Timeouts.Client = 5000;
        fe.DefaultBackend = be;
        h.Loop.Proxies.Add(fe);
        h.Loop.Proxies.Add(be);
        h.AddServer(be, "s1", Be1, SimServerKind.Echo);
        h.Start();
        var c = h.AddClient(Fe, 0, EchoOnce, SimCloseMode.Graceful);

        Assert.True(h.RunUntil(() => c.Done && h.Loop.ActConn == 0, 5000));

        Assert.Equal(
            [
                "00000000:web.accept(0004)=0005 from [127.0.0.1:40001]\n",
                "00000000:pool.srvcls[0005:0006]\n",
                "00000000:pool.clicls[0005:0006]\n",
                "00000000:pool.closed[0005:0006]\n",
            ],
            d.Lines);
    }

    [Fact]
    public void Order_AcceptAfterConnectFromClosedBeforeSessionLog()
    {
        var (h, p, _) = Build();
        var probe = new LogCountProbe(h);
        h.Loop.DebugOutput = probe;
        h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        h.Start();
        var started = h.Log.Messages.Count; // "Proxy l started."
        var c = h.AddClient(Fe, 0, EchoOnce, SimCloseMode.Graceful);
        p.Options |= ProxyOptions.TcpLog;

        Assert.True(h.RunUntil(() => c.Done && h.Loop.ActConn == 0, 5000));

        // tcplog: no "Connect from", so accept comes with nothing logged yet; the final line follows "closed".
        Assert.Equal(
            [
                ("00000000:l.accept(0004)=0005 from [127.0.0.1:40001]\n", started),
                ("00000000:l.srvcls[0005:0006]\n", started),
                ("00000000:l.clicls[0005:0006]\n", started),
                ("00000000:l.closed[0005:0006]\n", started),
            ],
            probe.Lines);
        Assert.Equal(started + 1, h.Log.Messages.Count);
    }

    [Fact]
    public void Order_WithoutTcplog_AcceptFollowsConnectFromLog()
    {
        var (h, p, _) = Build();
        var probe = new LogCountProbe(h);
        h.Loop.DebugOutput = probe;
        h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        h.Start();
        var started = h.Log.Messages.Count;
        var c = h.AddClient(Fe, 0, EchoOnce, SimCloseMode.Graceful);

        Assert.True(h.RunUntil(() => c.Done && h.Loop.ActConn == 0, 5000));

        Assert.Equal(("00000000:l.accept(0004)=0005 from [127.0.0.1:40001]\n", started + 1), probe.Lines[0]);
        Assert.StartsWith("Connect from 127.0.0.1:40001 to 127.0.0.1:10001 (l/TCP)", h.Log.Messages[started], StringComparison.Ordinal);
    }

    [Fact]
    public void DebugOutputUnset_SameSession_NothingWrittenAndSameLog()
    {
        var (on, pOn, d) = Build();
        var (off, pOff, _) = Build();
        off.Loop.DebugOutput = null;
        foreach (var (h, p) in new[] { (on, pOn), (off, pOff) })
        {
            h.AddServer(p, "s1", Be1, SimServerKind.Echo);
            h.Start();
            var c = h.AddClient(Fe, 0, EchoOnce, SimCloseMode.Graceful);
            Assert.True(h.RunUntil(() => c.Done && h.Loop.ActConn == 0, 5000));
        }

        Assert.Equal(4, d.Lines.Count);
        Assert.Null(off.Loop.DebugOutput);
        Assert.Equal(on.Log.Messages, off.Log.Messages);
    }

    [Fact]
    public void LongProxyName_BeyondTheStackBuffer_LineComplete()
    {
        var name = new string('x', 300);
        var (h, p, d) = Build(name);
        h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        h.Start();
        var c = h.AddClient(Fe, 0, EchoOnce, SimCloseMode.Graceful);

        Assert.True(h.RunUntil(() => c.Done && h.Loop.ActConn == 0, 5000));

        Assert.Equal($"00000000:{name}.accept(0004)=0005 from [127.0.0.1:40001]\n", d.Lines[0]);
        Assert.Equal($"00000000:{name}.closed[0005:0006]\n", d.Lines[^1]);
    }

    private static (EngineHarness H, Proxy P, RecordingDebugOutput D) Build(string name = "l", int queue = 0, int retries = 3)
    {
        var h = new EngineHarness();
        var p = h.AddListen(name, Fe);
        p.Timeouts.Connect = 5000;
        p.Timeouts.Client = 60_000;
        p.Timeouts.Server = 60_000;
        p.Timeouts.Queue = queue == 0 ? 5000 : queue;
        p.ConnRetries = retries;
        var d = new RecordingDebugOutput();
        h.Loop.DebugOutput = d;
        return (h, p, d);
    }

    /// <summary>Records each line with the number of log messages sent before it.</summary>
    private sealed class LogCountProbe(EngineHarness h) : IDebugOutput
    {
        public List<(string Line, int LogsBefore)> Lines { get; } = [];

        public void Write(ReadOnlySpan<byte> line) =>
            Lines.Add((System.Text.Encoding.Latin1.GetString(line), h.Log.Messages.Count));
    }
}
