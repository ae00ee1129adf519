using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;
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
    public void Forward_KernelGivesLargePartialReads_OneRecvPerReadEvent()
    {
        // 1.4's stream_sock_read: a read of at least recv_enough (7 x 1448) that did not fill the buffer ends the
        // read event; the bytes go out as they are and the next poll turn reads on. Reading on would only split the
        // next 12,000 bytes into 4,384 + 7,616.
        const int chunk = 12_000;
        const int size = 10 * chunk;
        var (h, p) = Listen(ProxyOptions.None);
        h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        h.Network.MaxReceiveSize = chunk;
        h.Start();
        var c = h.AddClient(Fe, 0, [new SimClientAction.Send(new byte[size]), new SimClientAction.Recv(size)]);

        Assert.True(h.RunUntil(() => c.Done, 10_000));

        Assert.Equal(size, c.BytesReceived);
        Assert.Equal(size / chunk, Assert.Single(h.Network.AcceptedSockets).ReceivesWithData);
    }

    [Fact]
    public void Forward_BytesOnlyPassingThrough_SessionNotWokenPerChunk()
    {
        // 1.4's stream_sock_read/write wake the session only for an event (end, error, connect), once nothing is left
        // to forward, or with a side not established: 200 KB each way in 16 KB chunks (24 read events, as many
        // sends) run the session a handful of times (accept, connect, establish), not once per chunk (15 before).
        const int size = 200_000;
        var (h, p) = Listen(ProxyOptions.None);
        h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        h.Start();
        var c = h.AddClient(Fe, 0, [new SimClientAction.Send(new byte[size]), new SimClientAction.Recv(size), new SimClientAction.Sleep(100)]);

        Assert.True(h.RunUntil(() => c.BytesReceived == size, 10_000));

        var s = Assert.IsType<Session>(h.Loop.LiveSessions);
        Assert.Null(s.NextLive);
        Assert.True(s.Task.Calls <= 6, $"{s.Task.Calls} runs for {size / 16384 * 2} chunks");
        Assert.True(h.RunUntil(() => c.Done, 10_000));
        Assert.Equal($"0/0/100 {size} -- 0/0/0/0/0 0/0", Tail(Assert.Single(SessionLines(h))));
    }

    [Fact]
    public void Forward_ClientStopsReading_CutByTimeoutClientAfterLastWrite()
    {
        // The write timer runs from the last write (the write callback refreshes it); the session's run at an
        // earlier timer must not push it further because bytes went out since that run (1.4's data_finish only
        // sets an unset timer). Before: cut after 2 x timeout client.
        var (h, p) = Listen(ProxyOptions.None, client: 2000);
        h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        h.Start();
        h.AddClient(Fe, 0, [new SimClientAction.Sleep(10), new SimClientAction.Send(new byte[100_000]), new SimClientAction.Sleep(20_000)]);
        h.RunFor(5);
        Assert.Single(h.Network.AcceptedSockets).Peer!.ReceiveWindow = 32_768;

        h.RunFor(10_000);

        var fields = Tail(Assert.Single(SessionLines(h))).Split(' ');
        var tt = int.Parse(fields[0].Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("cD", fields[2]);
        Assert.InRange(tt, 2000, 2100);
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

    [Fact]
    public void ConnectServer_AnyAddressAndMappedPort_UsesClientDestinationPlusOffset()
    {
        var (h, p) = Listen(ProxyOptions.None);
        var s = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s.Address = new System.Net.IPEndPoint(System.Net.IPAddress.Any, 0);
        s.MappedPorts = true;
        s.PortOffset = Be1 - Fe; // the echo server listens on the frontend port + 10000
        h.Start();
        var c = h.AddClient(Fe, 0, [new SimClientAction.Send([9]), new SimClientAction.Recv(1)]);

        Assert.True(h.RunUntil(() => c.Done, 1000));

        Assert.Equal(1, c.BytesReceived);
        Assert.Contains(h.Trace!.Entries, e => e.Message.StartsWith("connect attempt to s1 at 127.0.0.1:20001:", StringComparison.Ordinal));
    }
}
