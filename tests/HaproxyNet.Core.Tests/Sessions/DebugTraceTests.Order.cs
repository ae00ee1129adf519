using HaproxyNet.Core.Diagnostics;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>Session ids, backend names, the order against the log lines, and debug mode off.</summary>
public partial class DebugTraceTests
{
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
}
