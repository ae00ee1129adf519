using System.Globalization;
using System.Net;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.IO.Tests;

/// <summary>Descriptor numbers through the ports (what the <c>-d</c> trace prints), on both transports.</summary>
public sealed partial class NetworkTests
{
    [Theory]
    [MemberData(nameof(Transports))]
    public void Fd_ListenerAcceptedAndConnected_AreThisProcessSocketDescriptors(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var (listener, client, server) = Loopback.Pair(network);
            int[] fds = [listener.Fd, client.Fd, server.Fd];
            Assert.Equal(3, fds.Distinct().Count());
            foreach (var fd in fds)
            {
                Assert.True(fd > 2, $"fd {fd}");
                Assert.StartsWith("socket:[", LinkOf(fd), StringComparison.Ordinal);
            }

            Assert.Equal(client.Fd, network.LastConnectFd);
            client.Close();
            server.Close();
            listener.Close();
            Assert.Equal([-1, -1, -1], new[] { listener.Fd, client.Fd, server.Fd });
            Assert.Equal(fds[1], network.LastConnectFd); // kept after close, as si->fd is
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void LastConnectFd_SourceBindFails_KeepsTheNumberSocketGave(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            // A source address we cannot bind (not local): socket() succeeds, bind() fails, the socket is closed.
            var target = new IPEndPoint(IPAddress.Loopback, 9);
            var conn = network.Connect(target, new IPEndPoint(IPAddress.Parse("192.0.2.1"), 0), out var status, out _);

            Assert.Null(conn);
            Assert.Equal(ConnectStatus.SourceBindFailed, status);
            // The number is kept although the socket is closed (another thread may already reuse it).
            Assert.True(network.LastConnectFd > 2, $"fd {network.LastConnectFd}");
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    /// <summary>readlink /proc/self/fd/N, or null when the descriptor is not open.</summary>
    private static string? LinkOf(int fd)
    {
        try
        {
            return new FileInfo("/proc/self/fd/" + fd.ToString(CultureInfo.InvariantCulture)).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
