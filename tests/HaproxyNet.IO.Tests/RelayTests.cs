using System.Net;
using System.Text;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.IO.Tests;

/// <summary>A whole proxied TCP session on real loopback sockets, on both transports.</summary>
public sealed class RelayTests
{
    public static TheoryData<string> Transports => Loopback.Transports;

    [Theory]
    [MemberData(nameof(Transports))]
    public void Relay_ClientSendsAndHalfCloses_GetsServerReplyThenEndOfStream(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            // Backend: reads everything, replies with it upper-cased once the client side ended, then closes.
            var backend = network.Listen(Loopback.AnyPort, 8, out _)!;
            var backendDone = false;
            backend.Handler = new Handler(() =>
            {
                var conn = backend.TryAccept(out _, out _);
                if (conn is null)
                {
                    return;
                }

                var received = new MemoryStream();
                var buffer = new byte[4096];
                conn.Handler = new Handler(() =>
                {
                    var n = conn.Receive(buffer, out var status);
                    if (status == IoStatus.Ok)
                    {
                        received.Write(buffer, 0, n);
                    }
                    else if (status == IoStatus.EndOfStream)
                    {
                        conn.Send(Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(received.ToArray()).ToUpperInvariant()), out _);
                        conn.Close();
                        backendDone = true;
                    }
                });
                conn.SetInterest(true, false);
            });
            backend.SetInterest(true);

            // Frontend: each accepted client gets a relay to the backend.
            var frontend = network.Listen(Loopback.AnyPort, 8, out _)!;
            Relay? relay = null;
            frontend.Handler = new Handler(() =>
            {
                var conn = frontend.TryAccept(out _, out _);
                if (conn is not null)
                {
                    relay = new Relay(network, conn, backend.LocalEndPoint);
                }
            });
            frontend.SetInterest(true);

            // Client
            var client = network.Connect(frontend.LocalEndPoint, null, out _, out _)!;
            var reply = new MemoryStream();
            var clientEnd = false;
            var replyBuffer = new byte[4096];
            var payload = Encoding.ASCII.GetBytes(new string('x', 20000) + "end");
            var sent = 0;
            client.Handler = new Handler(
                () =>
                {
                    var n = client.Receive(replyBuffer, out var status);
                    if (status == IoStatus.Ok)
                    {
                        reply.Write(replyBuffer, 0, n);
                    }
                    else if (status != IoStatus.WouldBlock)
                    {
                        clientEnd = true;
                        client.SetInterest(false, false);
                    }
                },
                () =>
                {
                    sent += client.Send(payload.AsSpan(sent), out _);
                    if (sent == payload.Length)
                    {
                        client.ShutdownWrite();
                        client.SetInterest(true, false);
                    }
                });
            client.SetInterest(true, true);

            Loopback.PollUntil(network, () => clientEnd && relay is { Closed: true }, "the relayed session");

            Assert.True(backendDone);
            Assert.True(relay!.Connected);
            Assert.Equal(payload.Length, relay.BytesToServer);
            Assert.Equal(payload.Length, relay.BytesToClient);
            Assert.Equal(Encoding.ASCII.GetString(payload).ToUpperInvariant(), Encoding.ASCII.GetString(reply.ToArray()));
            client.Close();
            frontend.Close();
            backend.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Relay_BackendRefuses_RelayClosesAndClientSeesTheEnd(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var probe = network.Listen(Loopback.AnyPort, 1, out _)!;
            var deadBackend = new IPEndPoint(IPAddress.Loopback, probe.LocalEndPoint.Port);
            probe.Close();

            var frontend = network.Listen(Loopback.AnyPort, 8, out _)!;
            Relay? relay = null;
            frontend.Handler = new Handler(() =>
            {
                var conn = frontend.TryAccept(out _, out _);
                if (conn is not null)
                {
                    relay = new Relay(network, conn, deadBackend);
                }
            });
            frontend.SetInterest(true);
            var client = network.Connect(frontend.LocalEndPoint, null, out _, out _)!;
            IoStatus? end = null;
            client.Handler = new Handler(() =>
            {
                client.Receive(new byte[16], out var status);
                if (status != IoStatus.WouldBlock)
                {
                    end = status;
                }
            });
            client.SetInterest(true, false);

            Loopback.PollUntil(network, () => end is not null && relay is { Closed: true }, "the refusal");

            Assert.False(relay!.Connected);
            Assert.NotEqual(0, relay.ConnectErrno);
            Assert.Equal(IoStatus.EndOfStream, end);
            client.Close();
            frontend.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    private sealed class Handler(Action read, Action? write = null) : IIoHandler
    {
        public void OnReadable() => read();

        public void OnWritable() => write?.Invoke();
    }
}
