using System.Net;
using HaproxyNet.Core.Ports;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Backend;

/// <summary>Source binding: server source wins, backend source otherwise, ranges, failures and their messages.</summary>
public partial class ServerConnectTests
{
    private static readonly IPAddress Lo2 = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Lo3 = IPAddress.Parse("127.0.0.3");

    [Fact]
    public void Source_ServerSourceWinsOverBackendSource()
    {
        var (h, p, _) = Listen();
        p.Source = new IPEndPoint(Lo2, 0);
        var s1 = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s1.Source = new IPEndPoint(Lo3, 0);
        h.AddServer(p, "s2", Be2, SimServerKind.Echo);
        h.Start();
        Client(h, EchoOnce);
        Client(h, EchoOnce);
        h.RunFor(1000);

        Assert.Equal(2, h.Network.ConnectAttempts.Count);
        Assert.Equal(new IPEndPoint(Lo3, 0), h.Network.ConnectAttempts[0].Source);
        Assert.Equal(new IPEndPoint(Lo2, 0), h.Network.ConnectAttempts[1].Source);
    }

    [Fact]
    public void Source_DispatchUsesBackendSource()
    {
        var (h, p, _) = Listen();
        p.DispatchAddress = EngineHarness.Ep(Be1);
        p.Source = new IPEndPoint(Lo2, 0);
        h.Network.AddServer(EngineHarness.Ep(Be1), SimServerKind.Echo);
        h.Start();
        Client(h, EchoOnce);
        h.RunFor(1000);

        Assert.Equal(new IPEndPoint(Lo2, 0), Assert.Single(h.Network.ConnectAttempts).Source);
    }

    [Fact]
    public void SourceBindFailure_Server_AlertAndEmergLogPerAttemptThenSC()
    {
        var (h, p, messages) = Listen(retries: 1);
        var s1 = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s1.Source = new IPEndPoint(Lo3, 0);
        h.Network.UnbindableSources.Add(s1.Source);
        h.Start();
        Client(h, new SimClientAction.HoldUntil(10_000));
        h.RunFor(10);

        const string Text = "Cannot bind to source address before connect() for server t/s1";
        Assert.Equal($"[ALERT] {Text}. Aborting.\n[ALERT] {Text}. Aborting.\n", messages.Text);
        var emerg = h.Log.Entries.Where(e => e.Pri == EmergPri).Select(e => e.Message).ToList();
        Assert.Equal([$"{Text}.\n", $"{Text}.\n"], emerg);

        // A resource error retries at once (no turn-around), then ends as a connection error.
        var line = Assert.Single(SessionLines(h));
        Assert.Equal("t/s1", Server(line));
        Assert.Equal("0/-1/0 0 SC 0/0/0/0/1 0/0", Tail(line));
        Assert.Equal(0, s1.CurSess);
    }

    [Fact]
    public void SourceBindFailure_Backend_NamesTheProxy()
    {
        var (h, p, messages) = Listen(retries: 0);
        p.Source = new IPEndPoint(Lo2, 0);
        h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        h.Network.UnbindableSources.Add(p.Source);
        h.Start();
        Client(h, new SimClientAction.HoldUntil(10_000));
        h.RunFor(10);

        Assert.Equal("[ALERT] Cannot bind to source address before connect() for proxy t. Aborting.\n", messages.Text);
        Assert.Contains(h.Log.Entries, e => e.Pri == EmergPri && e.Message == "Cannot bind to source address before connect() for proxy t.\n");
        Assert.EndsWith(" SC 0/0/0/0/0 0/0", Assert.Single(SessionLines(h)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UseSrcMode.ClientIp, "127.0.0.1:0")]
    [InlineData(UseSrcMode.Client, "127.0.0.1:40001")]
    [InlineData(UseSrcMode.Address, "127.0.0.7:0")]
    public void UseSrc_ForeignAddressPassedWithTheSource(UseSrcMode mode, string foreign)
    {
        var (h, p, _) = Listen();
        var s1 = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s1.Source = new IPEndPoint(Lo3, 0);
        s1.UseSrc = mode;
        s1.UseSrcAddress = IPEndPoint.Parse("127.0.0.7:0");
        h.Start();
        Client(h, EchoOnce);
        h.RunFor(1000);

        var attempt = Assert.Single(h.Network.ConnectAttempts);
        Assert.Equal(s1.Source, attempt.Source);
        Assert.Equal(IPEndPoint.Parse(foreign), attempt.Options.ForeignSource);
    }

    [Fact]
    public void UseSrc_KernelRefusesForeignBind_TproxyMessages()
    {
        var (h, p, messages) = Listen(retries: 0);
        var s1 = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s1.Source = new IPEndPoint(Lo3, 0);
        s1.UseSrc = UseSrcMode.ClientIp;
        h.Network.UnbindableSources.Add(new IPEndPoint(IPAddress.Loopback, 0));
        h.Start();
        Client(h, new SimClientAction.HoldUntil(10_000));
        h.RunFor(10);

        Assert.Equal("[ALERT] Cannot bind to tproxy source address before connect() for server t/s1. Aborting.\n", messages.Text);
        Assert.Contains(h.Log.Entries, e => e.Pri == EmergPri && e.Message == "Cannot bind to tproxy source address before connect() for server t/s1.\n");
    }

    [Fact]
    public void SourcePortRange_PortsTakenInTurnReleasedOnCloseExhaustedFails()
    {
        var (h, p, messages) = Listen(retries: 0);
        var s1 = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s1.Source = new IPEndPoint(Lo3, 30000);
        s1.SourcePorts = new SourcePortRange(30000, 30001);
        h.Start();
        Client(h, new SimClientAction.HoldUntil(500));
        Client(h, new SimClientAction.HoldUntil(10_000));
        Client(h, new SimClientAction.HoldUntil(10_000));
        h.RunFor(10);

        Assert.Equal([30000, 30001], h.Network.ConnectAttempts.Select(a => a.Source!.Port));
        Assert.Equal("[ALERT] Cannot bind to source address before connect() for server t/s1. Aborting.\n", messages.Text);

        h.RunFor(1000); // the first client leaves: 30000 goes back to the ring
        Assert.Equal(1, s1.SourcePorts.Available);
        Client(h, new SimClientAction.HoldUntil(10_000));
        Assert.Equal(30000, h.Network.ConnectAttempts[^1].Source!.Port);
        Assert.Equal(0, s1.SourcePorts.Available);
    }

    [Fact]
    public void SourcePortRange_BoundPortBusy_TriesTheNextPort()
    {
        var (h, p, _) = Listen(retries: 0);
        var s1 = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s1.Source = new IPEndPoint(Lo3, 30000);
        s1.SourcePorts = new SourcePortRange(30000, 30002);
        h.Network.UnbindableSources.Add(new IPEndPoint(Lo3, 30000));
        h.Start();
        Client(h, EchoOnce);
        h.RunFor(1000);

        Assert.Equal([30000, 30001], h.Network.ConnectAttempts.Select(a => a.Source!.Port));
        Assert.EndsWith(" -- 0/0/0/0/0 0/0", Assert.Single(SessionLines(h)), StringComparison.Ordinal);
    }

    [Fact]
    public void SocketOptions_ServerAndAcceptedSocketsGetTheProxyOptions()
    {
        var (h, p, _) = Listen();
        p.ServerSocketOptions = new SocketOptions { KeepAlive = true, SendBuffer = 8192 };
        p.Listeners[0].Options = new ListenerOptions { Mss = 1400, Accepted = new SocketOptions { NoLinger = true, ReceiveBuffer = 4096 } };
        var s1 = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s1.SocketOptions = p.ServerSocketOptions;
        h.Start();
        Client(h, EchoOnce);
        h.RunFor(1000);

        Assert.Equal(p.ServerSocketOptions, Assert.Single(h.Network.ConnectAttempts).Options);
        Assert.Equal(1400, Assert.Single(h.Network.ListenCalls).Options.Mss);
        Assert.Equal(new SocketOptions { NoLinger = true, ReceiveBuffer = 4096 }, Assert.Single(h.Network.AcceptedSockets).Options);
    }
}
