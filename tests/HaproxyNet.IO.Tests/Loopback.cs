using System.Diagnostics;
using System.Net;
using HaproxyNet.Core.Ports;
using HaproxyNet.IO.Epoll;
using HaproxyNet.IO.Portable;

namespace HaproxyNet.IO.Tests;

/// <summary>Shared plumbing for the real-socket tests: transports by name, bounded poll loops.</summary>
internal static class Loopback
{
    /// <summary>Upper bound for any wait on loopback; tests normally finish in a few milliseconds.</summary>
    public const int MaxWaitMs = 5000;

    public static readonly IPEndPoint AnyPort = new(IPAddress.Loopback, 0);

    public static TheoryData<string> Transports => new() { "epoll", "select" };

    public static INetwork Create(string transport) => transport switch
    {
        "epoll" => new EpollNetwork(),
        "select" => new SelectNetwork(),
        _ => throw new ArgumentOutOfRangeException(nameof(transport)),
    };

    /// <summary>Polls until <paramref name="done"/> holds; fails the test after <see cref="MaxWaitMs"/>.</summary>
    public static void PollUntil(INetwork network, Func<bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(clock.ElapsedMilliseconds < MaxWaitMs, "timed out waiting for " + what);
            network.Poller.Poll(20);
        }
    }

    /// <summary>A listener (read interest on) plus an accepted server side and a connected client side.</summary>
    public static (IListenerSocket Listener, IConnection Client, IConnection Server) Pair(INetwork network, IPEndPoint? bind = null)
    {
        var listener = network.Listen(bind ?? AnyPort, 16, out var error);
        Assert.Null(error);
        Assert.NotNull(listener);
        var accepts = new RecordingHandler("l");
        listener.Handler = accepts;
        listener.SetInterest(true);

        var client = network.Connect(listener.LocalEndPoint, null, out var status, out var errno);
        Assert.Equal(ConnectStatus.InProgress, status);
        Assert.Equal(0, errno);
        Assert.NotNull(client);
        var connected = new RecordingHandler("c");
        client.Handler = connected;
        client.SetInterest(false, true);

        IConnection? server = null;
        accepts.OnRead = () => server ??= listener.TryAccept(out _, out _);
        PollUntil(network, () => server is not null && connected.Writes > 0, "accept and connect");
        Assert.Equal(0, client.TakeSocketError());
        client.SetInterest(false, false);
        listener.SetInterest(false);
        return (listener, client, server!);
    }

    public static void Dispose(INetwork network) => (network as IDisposable)?.Dispose();
}
