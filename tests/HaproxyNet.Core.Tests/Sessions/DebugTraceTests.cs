using HaproxyNet.Core.Diagnostics;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>
/// The <c>-d</c> lines (CLI.md §5) on the simulated network, whose descriptor numbers follow the kernel's rule:
/// 0-3 taken (stdio, poller), listener 4, then the lowest free number for each accept or connect.
/// </summary>
public partial class DebugTraceTests
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
