using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.IO.Tests;

/// <summary>Readiness: interest, callback order, level semantics, wake-up, back-pressure.</summary>
public sealed partial class NetworkTests
{
    [Theory]
    [MemberData(nameof(Transports))]
    public void Receive_NothingSent_ReturnsWouldBlock(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var (listener, client, server) = Loopback.Pair(network);
            Assert.Equal(0, server.Receive(new byte[16], out var status));
            Assert.Equal(IoStatus.WouldBlock, status);
            client.Close();
            server.Close();
            listener.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void ListenerInterest_OffThenOn_AcceptsOnlyOnceEnabled(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var listener = network.Listen(Loopback.AnyPort, 8, out _)!;
            var handler = new RecordingHandler("l");
            listener.Handler = handler;
            listener.SetInterest(false);
            var client = network.Connect(listener.LocalEndPoint, null, out _, out _)!;
            var connected = new RecordingHandler("c");
            client.Handler = connected;
            client.SetInterest(false, true);
            Loopback.PollUntil(network, () => connected.Writes > 0, "the handshake");
            client.SetInterest(false, false);

            // The connection waits in the backlog: a few turns without any accept callback.
            for (var i = 0; i < 3; i++)
            {
                network.Poller.Poll(10);
            }

            Assert.Equal(0, handler.Reads);

            IConnection? accepted = null;
            handler.OnRead = () => accepted = listener.TryAccept(out _, out _);
            listener.SetInterest(true);
            Loopback.PollUntil(network, () => accepted is not null, "the accept");
            Assert.Equal(1, handler.Reads);

            Assert.Null(listener.TryAccept(out var status, out _));
            Assert.Equal(IoStatus.WouldBlock, status);
            accepted!.Close();
            client.Close();
            listener.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Poll_ReadAndWriteReady_RunsReadCallbackFirst(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var (listener, client, server) = Loopback.Pair(network);
            client.Send("x"u8, out _);
            var order = new List<string>();
            var handler = new RecordingHandler("s", order) { OnRead = () => server.Receive(new byte[8], out _) };
            server.Handler = handler;
            server.SetInterest(true, true);
            Loopback.PollUntil(network, () => handler.Reads > 0, "readability");
            Assert.Equal(["s:R", "s:W"], order.Take(2));
            client.Close();
            server.Close();
            listener.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Poll_DataLeftUnread_CallsReadAgainNextTurn(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var (listener, client, server) = Loopback.Pair(network);
            client.Send("abc"u8, out _);
            var handler = new RecordingHandler("s");
            server.Handler = handler;
            server.SetInterest(true, false);
            Loopback.PollUntil(network, () => handler.Reads > 0, "readability");

            // Level semantics: unread bytes keep the socket readable.
            network.Poller.Poll(0);
            Assert.Equal(2, handler.Reads);

            // Once drained to EAGAIN the callback stops.
            server.Receive(new byte[8], out _);
            server.Receive(new byte[8], out var drained);
            Assert.Equal(IoStatus.WouldBlock, drained);
            network.Poller.Poll(0);
            network.Poller.Poll(0);
            Assert.Equal(2, handler.Reads);
            client.Close();
            server.Close();
            listener.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Poll_HandlerClosesAnotherReadySocket_ClosedSocketGetsNoCallback(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var (l1, c1, s1) = Loopback.Pair(network);
            var (l2, c2, s2) = Loopback.Pair(network);
            c1.Send("1"u8, out _);
            c2.Send("2"u8, out _);
            var h1 = new RecordingHandler("s1");
            var h2 = new RecordingHandler("s2");
            h1.OnRead = () => { s1.Receive(new byte[4], out _); s1.SetInterest(false, false); s2.Close(); };
            h2.OnRead = () => { s2.Receive(new byte[4], out _); s2.SetInterest(false, false); s1.Close(); };
            s1.Handler = h1;
            s2.Handler = h2;
            s1.SetInterest(true, false);
            s2.SetInterest(true, false);
            Loopback.PollUntil(network, () => h1.Reads + h2.Reads > 0, "readability");
            network.Poller.Poll(0);

            // Whichever ran first closed the other one.
            Assert.Equal(1, h1.Reads + h2.Reads);
            c1.Close();
            c2.Close();
            l1.Close();
            l2.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Poll_NothingReady_ReturnsZeroAfterTheTimeout(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var clock = Stopwatch.StartNew();
            Assert.Equal(0, network.Poller.Poll(30));
            Assert.InRange(clock.ElapsedMilliseconds, 20, Loopback.MaxWaitMs);
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Wake_FromAnotherThread_EndsABlockingPoll(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            using var started = new ManualResetEventSlim();
            var waker = new Thread(() =>
            {
                started.Wait();
                network.Poller.Wake();
            });
            waker.Start();
            var clock = Stopwatch.StartNew();
            started.Set();
            var handled = network.Poller.Poll(Loopback.MaxWaitMs * 2);
            waker.Join();

            Assert.Equal(0, handled);
            Assert.True(clock.ElapsedMilliseconds < Loopback.MaxWaitMs, "Wake did not interrupt Poll");

            // The wake-up is consumed: the next poll sleeps its full timeout again.
            clock.Restart();
            network.Poller.Poll(30);
            Assert.InRange(clock.ElapsedMilliseconds, 20, Loopback.MaxWaitMs);
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void TryAccept_SeveralPending_AcceptsEachThenWouldBlock(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var listener = network.Listen(Loopback.AnyPort, 16, out _)!;
            var clients = new List<IConnection>();
            var connected = new RecordingHandler("c");
            for (var i = 0; i < 3; i++)
            {
                var c = network.Connect(listener.LocalEndPoint, null, out _, out _)!;
                c.Handler = connected;
                c.SetInterest(false, true);
                clients.Add(c);
            }

            Loopback.PollUntil(network, () => connected.Writes >= 3, "three handshakes");
            var accepted = new List<IConnection>();
            var handler = new RecordingHandler("l");
            handler.OnRead = () =>
            {
                // 1.4's event_accept loop: accept until EAGAIN (or maxaccept).
                while (listener.TryAccept(out var status, out _) is { } conn)
                {
                    Assert.Equal(IoStatus.Ok, status);
                    accepted.Add(conn);
                }
            };
            listener.Handler = handler;
            listener.SetInterest(true);
            Loopback.PollUntil(network, () => accepted.Count == 3, "three accepts");

            Assert.Null(listener.TryAccept(out var last, out _));
            Assert.Equal(IoStatus.WouldBlock, last);
            foreach (var c in clients.Concat(accepted))
            {
                c.Close();
            }

            listener.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Send_PeerNotReading_WouldBlockThenWritableOnceThePeerDrains(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var (listener, client, server) = Loopback.Pair(network);
            var chunk = new byte[65536];
            long sent = 0;
            IoStatus status;
            do
            {
                sent += client.Send(chunk, out status);
                Assert.True(sent < 256L * 1024 * 1024, "the kernel never pushed back");
            }
            while (status == IoStatus.Ok);

            Assert.Equal(IoStatus.WouldBlock, status);
            var writable = new RecordingHandler("c");
            client.Handler = writable;
            client.SetInterest(false, true);
            network.Poller.Poll(0);
            Assert.Equal(0, writable.Writes);

            // The peer drains everything: room comes back and the client is told so.
            long drained = 0;
            server.Handler = new RecordingHandler("s")
            {
                OnRead = () =>
                {
                    IoStatus r;
                    do
                    {
                        drained += server.Receive(chunk, out r);
                    }
                    while (r == IoStatus.Ok);
                },
            };
            server.SetInterest(true, false);
            Loopback.PollUntil(network, () => writable.Writes > 0, "writability after drain");
            Loopback.PollUntil(network, () => drained == sent, "all bytes at the peer");
            client.Close();
            server.Close();
            listener.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }
}
