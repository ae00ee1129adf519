using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.IO.Tests;

/// <summary>Half-close, FIN and RST.</summary>
public sealed partial class NetworkTests
{
    [Theory]
    [MemberData(nameof(Transports))]
    public void ShutdownWrite_ClientHalfCloses_ServerSeesEndOfStreamAndCanStillReply(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var (listener, client, server) = Loopback.Pair(network);
            client.Send("req"u8, out _);
            client.ShutdownWrite();

            var received = new MemoryStream();
            var sawEnd = false;
            var buffer = new byte[16];
            server.Handler = new RecordingHandler("s")
            {
                OnRead = () =>
                {
                    var n = server.Receive(buffer, out var status);
                    if (status == IoStatus.Ok)
                    {
                        received.Write(buffer, 0, n);
                    }
                    else if (status == IoStatus.EndOfStream)
                    {
                        sawEnd = true;
                        server.SetInterest(false, false);
                    }
                },
            };
            server.SetInterest(true, false);
            Loopback.PollUntil(network, () => sawEnd, "end of stream");
            Assert.Equal("req", Encoding.ASCII.GetString(received.ToArray()));

            // The other direction still works after the half-close.
            Assert.Equal(4, server.Send("resp"u8, out var sendStatus));
            Assert.Equal(IoStatus.Ok, sendStatus);
            var reply = new byte[16];
            var got = 0;
            client.Handler = new RecordingHandler("c") { OnRead = () => got += client.Receive(reply.AsSpan(got), out _) };
            client.SetInterest(true, false);
            Loopback.PollUntil(network, () => got == 4, "the reply");
            Assert.Equal("resp", Encoding.ASCII.GetString(reply, 0, 4));
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
    public void Close_WithReset_PeerReceiveFailsInsteadOfEndOfStream(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var (listener, client, server) = Loopback.Pair(network);
            server.Close(reset: true);

            IoStatus? outcome = null;
            client.Handler = new RecordingHandler("c") { OnRead = () => { client.Receive(new byte[16], out var s); outcome = s; } };
            client.SetInterest(true, false);
            Loopback.PollUntil(network, () => outcome is not null, "the reset");
            Assert.Equal(IoStatus.Error, outcome);
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
    public void Close_WithoutReset_PeerSeesEndOfStream(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var (listener, client, server) = Loopback.Pair(network);
            server.Close();

            IoStatus? outcome = null;
            client.Handler = new RecordingHandler("c") { OnRead = () => { client.Receive(new byte[16], out var s); outcome = s; } };
            client.SetInterest(true, false);
            Loopback.PollUntil(network, () => outcome is not null, "the close");
            Assert.Equal(IoStatus.EndOfStream, outcome);
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
    public void Close_Twice_IsHarmlessAndLaterCallsFail(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var (listener, client, server) = Loopback.Pair(network);
            server.Close();
            server.Close(reset: true);
            Assert.Equal(0, server.Receive(new byte[4], out var r));
            Assert.Equal(IoStatus.Error, r);
            Assert.Equal(0, server.Send("x"u8, out var s));
            Assert.Equal(IoStatus.Error, s);
            client.Close();
            listener.Close();
            listener.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }
}
