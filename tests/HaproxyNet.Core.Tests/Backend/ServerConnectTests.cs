using System.Net;
using HaproxyNet.Core.Ports;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Config;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Backend;

/// <summary>
/// connect_server / tcpv4_connect_server in virtual time: dispatch and transparent destinations, source binding
/// (server first, then backend), port ranges, bind failures, and the socket options handed to the network.
/// </summary>
public partial class ServerConnectTests
{
    private const int Fe = 10001;
    private const int Be1 = 20001;
    private const int Be2 = 20002;

    /// <summary>local0 = facility 16: emerg is priority 128, info 134.</summary>
    private const int EmergPri = 128;

    private static readonly IPEndPoint Client1 = new(IPAddress.Loopback, 40001);

    private static (EngineHarness H, Proxy P, RecordingDiagnosticSink Messages) Listen(bool tcplog = true, int retries = 3, bool trace = true)
    {
        var g = new GlobalSettings();
        g.Logs.Add(EngineHarness.Local0);
        var h = new EngineHarness(g, trace: trace ? true : null);
        var p = h.AddListen("t", Fe);
        p.Options = tcplog ? ProxyOptions.TcpLog : ProxyOptions.None;
        p.Timeouts.Connect = 5000;
        p.Timeouts.Client = 60000;
        p.Timeouts.Server = 60000;
        p.Timeouts.Queue = 5000;
        p.ConnRetries = retries;
        var messages = new RecordingDiagnosticSink(string.Empty);
        h.Loop.Messages = messages;
        return (h, p, messages);
    }

    private static SimClient Client(EngineHarness h, params SimClientAction[] actions)
    {
        var before = h.Loop.TotalConn;
        var c = h.AddClient(Fe, 0, actions);
        Assert.True(h.RunUntil(() => h.Loop.TotalConn > before, 1000));
        h.Settle();
        return c;
    }

    private static SimClientAction[] EchoOnce => [new SimClientAction.Send([7]), new SimClientAction.Recv(1)];

    private static List<string> SessionLines(EngineHarness h) =>
        h.Log.Messages.Where(m => m.Contains(" [", StringComparison.Ordinal)).ToList();

    private static string Server(string line) => line.Split(' ')[3];

    private static string Tail(string line) => string.Join(' ', line.Split(' ').Skip(4));

    [Fact]
    public void Dispatch_NoServer_ConnectsToDispatchAddressAndLogsNosrv()
    {
        var (h, p, _) = Listen();
        p.DispatchAddress = EngineHarness.Ep(Be1);
        h.Network.AddServer(EngineHarness.Ep(Be1), SimServerKind.Echo);
        h.Start();
        var c = Client(h, EchoOnce);
        h.RunFor(1000);

        var attempt = Assert.Single(h.Network.ConnectAttempts);
        Assert.Equal(EngineHarness.Ep(Be1), attempt.Target);
        Assert.Null(attempt.Source);
        Assert.True(c.Done);
        var line = Assert.Single(SessionLines(h));
        Assert.Equal("t/<NOSRV>", Server(line));
        Assert.Equal("0/0/0 1 -- 0/0/0/0/0 0/0", Tail(line));
    }

    [Fact]
    public void Dispatch_RefusedAtOnce_RetriesTheSameAddressThenSC()
    {
        var (h, p, _) = Listen(retries: 2);
        p.DispatchAddress = EngineHarness.Ep(Be1);
        h.Network.AddServer(EngineHarness.Ep(Be1), SimServerKind.RefuseSync);
        h.Start();
        Client(h, new SimClientAction.HoldUntil(10_000));
        h.RunFor(10);

        Assert.Equal(3, h.Network.ConnectAttempts.Count);
        Assert.All(h.Network.ConnectAttempts, a => Assert.Equal(EngineHarness.Ep(Be1), a.Target));
        var line = Assert.Single(SessionLines(h));
        Assert.Equal("t/<NOSRV>", Server(line));
        Assert.Equal("0/-1/0 0 SC 0/0/0/0/2 0/0", Tail(line));
    }

    [Fact]
    public void Dispatch_BackendHasServersAndLb_DispatchIgnored()
    {
        var (h, p, _) = Listen();
        p.DispatchAddress = null; // the builder drops it in balance mode (see RuntimeBuilderTests)
        h.AddServer(p, "s1", Be2, SimServerKind.Echo);
        h.Network.AddServer(EngineHarness.Ep(Be1), SimServerKind.Echo);
        h.Start();
        Client(h, EchoOnce);
        h.RunFor(1000);

        Assert.Equal(EngineHarness.Ep(Be2), Assert.Single(h.Network.ConnectAttempts).Target);
        Assert.Equal("t/s1", Server(Assert.Single(SessionLines(h))));
    }

    [Fact]
    public void Transparent_RedirectedClient_ConnectsToItsOriginalDestination()
    {
        var (h, p, _) = Listen();
        p.Options |= ProxyOptions.Transparent;
        h.Network.Redirects[Client1] = EngineHarness.Ep(Be2);
        h.Network.AddServer(EngineHarness.Ep(Be2), SimServerKind.Echo);
        h.Start();
        var c = Client(h, EchoOnce);
        h.RunFor(1000);

        Assert.Equal(EngineHarness.Ep(Be2), Assert.Single(h.Network.ConnectAttempts).Target);
        Assert.True(c.Done);
        Assert.Equal("t/<NOSRV>", Server(Assert.Single(SessionLines(h))));
    }

    [Fact]
    public void Transparent_DefaultLogFormat_ConnectFromShowsOriginalDestination()
    {
        var (h, p, _) = Listen(tcplog: false);
        p.Options |= ProxyOptions.Transparent;
        h.Network.Redirects[Client1] = new IPEndPoint(IPAddress.Parse("127.0.0.9"), 8080);
        h.Network.AddServer(new IPEndPoint(IPAddress.Parse("127.0.0.9"), 8080), SimServerKind.Echo);
        h.Start();
        Client(h, EchoOnce);
        h.RunFor(1000);

        Assert.Equal("Connect from 127.0.0.1:40001 to 127.0.0.9:8080 (t/TCP)", h.Log.Messages[^1]);
    }

    [Fact]
    public void FrontAddress_NotNeeded_OriginalDestinationNeverRead()
    {
        var (h, p, _) = Listen(trace: false); // tcplog: no "Connect from", no transparent, plain server address
        h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        h.Start();
        Client(h, EchoOnce);
        h.RunFor(1000);

        // get_frt_addr is lazy in 1.4: no socket call unless something needs the destination.
        Assert.Single(h.Network.AcceptedSockets);
        Assert.Equal(0, ServerSideReads(h));
    }

    [Fact]
    public void NoDispatchNoTransparentNoLb_Nosrv()
    {
        var (h, _, _) = Listen();
        h.Start();
        Client(h, new SimClientAction.HoldUntil(10_000));
        h.RunFor(10);

        Assert.Empty(h.Network.ConnectAttempts);
        Assert.Equal("-1/-1/0 0 SC 0/0/0/0/0 0/0", Tail(Assert.Single(SessionLines(h))));
    }

    private static int ServerSideReads(EngineHarness h) => h.Network.AcceptedSockets.Sum(s => s.OriginalDestinationReads);
}
