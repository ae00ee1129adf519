using System.Net;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Backend;

/// <summary>assign_server_address cases that read the client's destination (get_frt_addr).</summary>
public partial class ServerConnectTests
{
    [Fact]
    public void AnyAddressServer_RedirectedClient_UsesTheOriginalDestinationAddress()
    {
        var (h, p, _) = Listen();
        var s1 = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s1.Address = new IPEndPoint(IPAddress.Any, Be1);
        var original = IPAddress.Parse("127.0.0.9");
        h.Network.Redirects[Client1] = new IPEndPoint(original, 80);
        h.Network.AddServer(new IPEndPoint(original, Be1), SimServerKind.Echo);
        h.Start();
        Client(h, EchoOnce);
        h.RunFor(1000);

        // 0.0.0.0 server: the address the client asked for, with the server's own port.
        Assert.Equal(new IPEndPoint(original, Be1), Assert.Single(h.Network.ConnectAttempts).Target);
    }

    [Fact]
    public void MappedPorts_RedirectedClient_AddsTheOriginalDestinationPort()
    {
        var (h, p, _) = Listen();
        var s1 = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s1.Address = new IPEndPoint(IPAddress.Loopback, 0);
        s1.MappedPorts = true;
        s1.PortOffset = 1000;
        h.Network.Redirects[Client1] = new IPEndPoint(IPAddress.Parse("127.0.0.9"), 8080);
        h.Network.AddServer(EngineHarness.Ep(9080), SimServerKind.Echo);
        h.Start();
        Client(h, EchoOnce);
        h.RunFor(1000);

        Assert.Equal(EngineHarness.Ep(9080), Assert.Single(h.Network.ConnectAttempts).Target);
    }

    [Fact]
    public void Dispatch_OptionRedispatch_NoServerSoNoRedispatch()
    {
        var (h, p, _) = Listen(retries: 1);
        p.Options |= ProxyOptions.Redispatch;
        p.DispatchAddress = EngineHarness.Ep(Be1);
        h.Network.AddServer(EngineHarness.Ep(Be1), SimServerKind.RefuseSync);
        h.Start();
        Client(h, new SimClientAction.HoldUntil(10_000));
        h.RunFor(10);

        // sess_update_st_cer only redispatches a session that has a server: no '+' before the retries.
        Assert.Equal("0/-1/0 0 SC 0/0/0/0/1 0/0", Tail(Assert.Single(SessionLines(h))));
        Assert.Equal(0, p.Redispatches);
    }
}
