using System.Net;
using System.Net.Sockets;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.EndToEnd.Tests.Scenarios;

public class ListeningPortsTests
{
    [Fact]
    public void ParseTable_OnlyListenRows_GiveTheirLocalPort()
    {
        string[] table =
        [
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0",
            "   1: 0100007F:1F91 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 2 1 0 20 4 30 10 -1",
            "   2: 00000000000000000000000001000000:C350 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 3",
        ];
        var ports = new HashSet<int>();

        ListeningPorts.ParseTable(table, ports);

        Assert.Equal([8080, 50000], ports.Order());
    }

    [Fact]
    public void Read_LoopbackListener_IsSeenUntilClosed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        try
        {
            Assert.Contains(port, ListeningPorts.Read()!);
        }
        finally
        {
            listener.Stop();
        }

        Assert.DoesNotContain(port, ListeningPorts.Read()!);
    }

    [Fact]
    public void Pick_FreePorts_AreDistinctAndAvoidTheGivenOnes()
    {
        var first = FreePorts.Pick(["A_PORT"], []);
        var ports = FreePorts.Pick(["A_PORT", "B_PORT", "C_PORT"], [first["A_PORT"]]);

        Assert.Equal(3, ports.Values.Distinct().Count());
        Assert.DoesNotContain(first["A_PORT"], ports.Values);
    }
}
