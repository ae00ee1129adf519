using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>Forwarding: buffers larger than tune.bufsize, half-closes, resets.</summary>
public partial class ProcessSessionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(16384)]
    [InlineData(16385)]
    [InlineData(200_000)]
    public void Forward_PayloadAroundBufferSize_EchoedCompletelyAndCounted(int size)
    {
        var (h, p) = Listen(ProxyOptions.None);
        h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        h.Start();
        var c = h.AddClient(Fe, 0, [new SimClientAction.Send(new byte[size]), new SimClientAction.Recv(size)]);

        Assert.True(h.RunUntil(() => c.Done, 10_000));

        Assert.Equal(size, c.BytesReceived);
        Assert.Equal($"0/0/0 {size} -- 0/0/0/0/0 0/0", Tail(Assert.Single(SessionLines(h))));
        Assert.Equal(0, h.Network.OpenEngineSockets);
    }

    [Fact]
    public void Forward_ClientResetsDuringData_LoggedCD()
    {
        var (h, p) = Listen(ProxyOptions.None);
        h.AddServer(p, "s1", Be1, SimServerKind.Hold);
        h.Start();
        h.AddClient(Fe, 0, [new SimClientAction.Send([1, 2]), new SimClientAction.Sleep(300)], SimCloseMode.Reset);

        h.RunFor(1000);

        Assert.Equal("0/0/300 0 CD 0/0/0/0/0 0/0", Tail(Assert.Single(SessionLines(h))));
        Assert.Equal(0, h.Network.OpenEngineSockets);
    }

    [Fact]
    public void Forward_ServerClosesFirst_ClientGetsDataThenClose()
    {
        var (h, p) = Listen(ProxyOptions.None);
        h.AddServer(p, "s1", Be1, SimServerKind.Close);
        h.Start();
        var c = h.AddClient(Fe, 0, [new SimClientAction.Send([1, 2, 3]), new SimClientAction.Sleep(50)], SimCloseMode.Wait);

        Assert.True(h.RunUntil(() => c.Done, 1000));
        h.RunFor(10); // the proxy sees the client's close

        Assert.Equal("0/0/50 0 -- 0/0/0/0/0 0/0", Tail(Assert.Single(SessionLines(h))));
    }

    [Fact]
    public void Log_DontLogNullWithoutData_NoLine()
    {
        var (h, p) = Listen(ProxyOptions.DontLogNull);
        h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        h.Start();
        var c = h.AddClient(Fe, 0, []);

        Assert.True(h.RunUntil(() => c.Done, 1000));
        h.RunFor(10);

        Assert.Empty(SessionLines(h));
        Assert.Equal(1, p.CumFeConn);
    }

    [Fact]
    public void Log_SeparateErrors_ErrorSessionAtErrLevel()
    {
        var (h, p) = Listen(ProxyOptions.LogSeparateErrors, retries: 0);
        h.AddServer(p, "s1", Be1, SimServerKind.RefuseSync);
        h.Start();
        AcceptClient(h, Hold(100));
        h.RunFor(200);

        var entry = Assert.Single(h.Log.Entries, e => e.Message.Contains(" SC ", StringComparison.Ordinal));
        Assert.Equal((16 * 8) + 3, entry.Pri);
    }
}
