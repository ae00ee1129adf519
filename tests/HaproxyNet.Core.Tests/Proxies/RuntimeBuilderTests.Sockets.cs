using System.Net;
using HaproxyNet.Config;
using HaproxyNet.Core.Ports;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Config;
using HaproxyNet.Testing.Engine;
using ConfigDocument = HaproxyNet.Config.Model.ConfigDocument;

namespace HaproxyNet.Core.Tests.Proxies;

/// <summary>Socket-level keywords from the config text to the runtime objects (what the engine then hands to IO).</summary>
public partial class RuntimeBuilderTests
{
    private static ConfigDocument LoadText(string cfg)
    {
        var env = new InMemoryConfigEnvironment().With("haproxy.cfg", cfg);
        var sink = new RecordingDiagnosticSink(string.Empty);
        var result = ConfigLoader.Load(["haproxy.cfg"], new ConfigLoadOptions(), env, sink);
        Assert.True(result.IsValid, sink.Text);
        return result.Document!;
    }

    private static EngineHarness Build(string cfg)
    {
        var doc = LoadText(cfg);
        var h = new EngineHarness(RuntimeBuilder.BuildGlobal(doc));
        RuntimeBuilder.BuildProxies(doc, h.Loop);
        return h;
    }

    private static Proxy Named(EngineHarness h, string name) => h.Loop.Proxies.Single(p => p.Name == name);

    [Fact]
    public void Dispatch_NoBalance_DispatchAddressAndNoLoadBalancer()
    {
        var h = Build("listen d\n  bind 127.0.0.1:10001\n  mode tcp\n  dispatch 127.0.0.1:20001\n");

        var p = Named(h, "d");
        Assert.Equal(IPEndPoint.Parse("127.0.0.1:20001"), p.DispatchAddress);
        Assert.Null(p.Lb);
    }

    [Fact]
    public void Dispatch_WithBalance_Ignored()
    {
        var h = Build("listen d\n  bind 127.0.0.1:10001\n  balance roundrobin\n  dispatch 127.0.0.1:20001\n  server s1 127.0.0.1:20002\n");

        var p = Named(h, "d");
        Assert.Null(p.DispatchAddress);
        Assert.NotNull(p.Lb);
    }

    [Fact]
    public void Dispatch_AnyAddress_TreatedAsNoDispatch()
    {
        // 1.4 tests dispatch_addr.sin_addr for zero: such a backend has nothing to connect to (NOSRV).
        var h = Build("listen d\n  bind 127.0.0.1:10001\n  dispatch 0.0.0.0:20001\n");

        Assert.Null(Named(h, "d").DispatchAddress);
    }

    [Fact]
    public void Transparent_Option_SetsTheFlag()
    {
        var h = Build("listen t\n  bind 127.0.0.1:10001\n  option transparent\n");

        Assert.True(Named(h, "t").Transparent);
        Assert.Null(Named(h, "t").Lb);
    }

    [Fact]
    public void TcpKa_OnListen_BothSidesKeepAlive()
    {
        var h = Build("listen l\n  bind 127.0.0.1:10001\n  option tcpka\n  server s1 127.0.0.1:20001\n");

        var p = Named(h, "l");
        Assert.True(p.ServerSocketOptions.KeepAlive);
        Assert.True(p.Listeners[0].Options.Accepted.KeepAlive);
        Assert.True(p.Servers[0].SocketOptions.KeepAlive);
    }

    [Fact]
    public void CliTcpKaAndSrvTcpKa_EachSideOnly()
    {
        var h = Build("frontend f\n  bind 127.0.0.1:10001\n  option clitcpka\n  default_backend b\n"
            + "backend b\n  option srvtcpka\n  server s1 127.0.0.1:20001\n");

        Assert.True(Named(h, "f").Listeners[0].Options.Accepted.KeepAlive);
        Assert.False(Named(h, "f").ServerSocketOptions.KeepAlive);
        Assert.True(Named(h, "b").ServerSocketOptions.KeepAlive);
    }

    [Fact]
    public void SendStateWithoutHttpchk_SrvTcpKaLost_As14()
    {
        var h = Build("listen l\n  bind 127.0.0.1:10001\n  option tcpka\n  http-check send-state\n  server s1 127.0.0.1:20001\n");

        Assert.False(Named(h, "l").ServerSocketOptions.KeepAlive);
        Assert.True(Named(h, "l").Listeners[0].Options.Accepted.KeepAlive);
    }

    [Fact]
    public void NoOptions_EverySocketOptionDefault()
    {
        var h = Build("listen l\n  bind 127.0.0.1:10001\n  server s1 127.0.0.1:20001\n");

        var p = Named(h, "l");
        Assert.True(p.ServerSocketOptions.IsDefault);
        Assert.True(p.Servers[0].SocketOptions.IsDefault);
        Assert.True(p.Listeners[0].Options.IsDefault);
    }

    [Fact]
    public void NoLingerAndBuffers_BothSidesAndTheListener()
    {
        var h = Build("global\n  tune.sndbuf.client 16384\n  tune.rcvbuf.client 32768\n  tune.sndbuf.server 65536\n  tune.rcvbuf.server 131072\n"
            + "listen l\n  bind 127.0.0.1:10001\n  option nolinger\n  server s1 127.0.0.1:20001\n");

        var p = Named(h, "l");
        Assert.Equal(new SocketOptions { NoLinger = true, SendBuffer = 65536, ReceiveBuffer = 131072 }, p.ServerSocketOptions);
        var l = p.Listeners[0].Options;
        Assert.True(l.NoLinger);
        Assert.Equal(new SocketOptions { NoLinger = true, SendBuffer = 16384, ReceiveBuffer = 32768 }, l.Accepted);
    }

    [Fact]
    public void BindOptions_MssDeferAcceptInterface_OnEachListenerOfTheLine()
    {
        var h = Build("listen l\n  bind 127.0.0.1:10001-10002 mss 1400 defer-accept interface lo\n  bind 127.0.0.1:10003\n");

        var ls = Named(h, "l").Listeners;
        Assert.Equal(3, ls.Count);
        Assert.All(ls.Take(2), x => Assert.Equal(new ListenerOptions { Mss = 1400, DeferAccept = true, Interface = "lo" }, x.Options));
        Assert.True(ls[2].Options.IsDefault);
    }

    [Fact]
    public void Source_ServerWinsBackendKeepsItsInterface()
    {
        var h = Build("listen l\n  bind 127.0.0.1:10001\n  source 127.0.0.2 interface lo\n"
            + "  server s1 127.0.0.1:20001 source 127.0.0.3:0 interface eth9\n  server s2 127.0.0.1:20002\n");

        var p = Named(h, "l");
        Assert.Equal(IPEndPoint.Parse("127.0.0.2:0"), p.Source);
        Assert.Equal("lo", p.ServerSocketOptions.Interface);
        Assert.Equal(IPEndPoint.Parse("127.0.0.3:0"), p.Servers[0].Source);
        Assert.Equal("eth9", p.Servers[0].SocketOptions.Interface);
        Assert.Null(p.Servers[0].SourcePorts);
        Assert.Null(p.Servers[1].Source);
        Assert.Equal("lo", p.Servers[1].SocketOptions.Interface);
    }

    [Fact]
    public void Source_ServerPortRange_RingOfThePorts()
    {
        var h = Build("listen l\n  bind 127.0.0.1:10001\n  server s1 127.0.0.1:20001 source 127.0.0.3:30000-30009\n");

        var range = Named(h, "l").Servers[0].SourcePorts;
        Assert.NotNull(range);
        Assert.Equal(10, range.Size);
        Assert.Equal(30000, range.Allocate());
    }
}
