using System.Net.Sockets;
using HaproxyNet.Core.Ports;
using HaproxyNet.IO.Epoll;
using HaproxyNet.IO.Native;

namespace HaproxyNet.IO.Tests.Epoll;

/// <summary>
/// A connection accepted inside a poll pass gets its speculative read in that same pass (1.4's sepoll loops again
/// while <c>fd_created</c>), not after one more epoll_wait.
/// </summary>
[Trait("Category", "Loopback")]
public sealed class EpollAcceptPassTests
{
    [Fact]
    public void Poll_AcceptInCallback_NewSocketReadInSamePass()
    {
        using var network = new EpollNetwork();
        var listener = network.Listen(Loopback.AnyPort, 16, out var error);
        Assert.Null(error);
        Assert.NotNull(listener);
        var reader = new RecordingHandler("a");
        IConnection? accepted = null;
        var readsWhenAccepted = -1;
        var accepts = new RecordingHandler("l")
        {
            OnRead = () =>
            {
                if (accepted is null && listener.TryAccept(out _, out _) is { } c)
                {
                    accepted = c;
                    c.Handler = reader;
                    c.SetInterest(true, false); // a fresh socket is ready until recv says EAGAIN
                }
            },
        };
        listener.Handler = accepts;
        listener.SetInterest(true);

        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(listener.LocalEndPoint);
        client.Send("GET / HTTP/1.0\r\n\r\n"u8.ToArray()); // in the kernel before the accept

        Syscalls.Start();
        Loopback.PollUntil(network, () =>
        {
            if (accepted is not null && readsWhenAccepted < 0)
            {
                readsWhenAccepted = reader.Reads;
            }

            return accepted is not null;
        }, "the accept");
        var waits = Syscalls.Stop()[(int)Syscall.EpollWait];

        Assert.Equal(1, readsWhenAccepted); // the read callback ran in the pass that accepted
        var buffer = new byte[64];
        Assert.Equal(18, accepted!.Receive(buffer, out var status));
        Assert.Equal(IoStatus.Ok, status);
        Assert.True(waits >= 1, "epoll_wait " + waits);
        accepted.Close();
        listener.Close();
    }
}
