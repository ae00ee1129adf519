using HaproxyNet.Core.Ports;
using HaproxyNet.IO.Epoll;

namespace HaproxyNet.IO.Tests.Epoll;

/// <summary>The per-event path (poll, callbacks, recv, send, interest changes) allocates nothing.</summary>
public sealed class EpollAllocationTests
{
    private sealed class EchoHandler(IConnection connection, byte[] buffer) : IIoHandler
    {
        public int Bytes { get; private set; }

        public void OnReadable()
        {
            var n = connection.Receive(buffer, out var status);
            if (status == IoStatus.Ok)
            {
                Bytes += n;
                connection.Send(buffer.AsSpan(0, n), out _);
            }
        }

        public void OnWritable() => connection.SetInterest(true, false);
    }

    private sealed class CountingHandler(IConnection connection, byte[] buffer) : IIoHandler
    {
        public int Bytes { get; private set; }

        public void OnReadable()
        {
            var n = connection.Receive(buffer, out var status);
            if (status == IoStatus.Ok)
            {
                Bytes += n;
            }
        }

        public void OnWritable()
        {
        }
    }

    [Fact]
    public void EchoLoop_AfterWarmUp_AllocatesNothingPerEvent()
    {
        using var network = new EpollNetwork();
        var (listener, client, server) = Loopback.Pair(network);
        var echo = new EchoHandler(server, new byte[256]);
        var back = new CountingHandler(client, new byte[256]);
        server.Handler = echo;
        client.Handler = back;
        server.SetInterest(true, true);
        client.SetInterest(true, false);
        var payload = new byte[32];

        RoundTrips(network, client, back, payload, 20);
        var before = GC.GetAllocatedBytesForCurrentThread();
        RoundTrips(network, client, back, payload, 200);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        client.Close();
        server.Close();
        listener.Close();
    }

    private static void RoundTrips(EpollNetwork network, IConnection client, CountingHandler back, byte[] payload, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var expected = back.Bytes + payload.Length;
            client.Send(payload, out _);
            for (var turns = 0; back.Bytes < expected; turns++)
            {
                Assert.True(turns < 10_000, "echo did not come back");
                network.Poller.Poll(100);
            }
        }
    }
}
