using System.Net;
using System.Net.Sockets;
using System.Text;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.EndToEnd.Tests.Scenarios;

public class SyslogReceiverTests
{
    [Fact]
    public void WaitFor_DatagramsArrive_CountsMatchesAndKeepsOrder()
    {
        using var receiver = new SyslogReceiver();
        receiver.Start();
        using var sender = new UdpClient();
        var target = new IPEndPoint(IPAddress.Loopback, receiver.Port);

        Send(sender, target, "<129>Nov 24 15:00:00 haproxy[1]: Server app/s2 is DOWN\n");
        Send(sender, target, "<133>Nov 24 15:00:00 haproxy[1]: Proxy x started.\n");
        Send(sender, target, "<129>Nov 24 15:00:01 haproxy[1]: Server app/s3 is DOWN\n");

        Assert.True(receiver.WaitFor(@"Server app/s\d is DOWN", 2, TimeSpan.FromSeconds(5)));
        Assert.True(receiver.WaitFor("started", 1, TimeSpan.FromSeconds(5)));
        var records = receiver.Records;
        Assert.Equal(3, records.Count);
        Assert.EndsWith("s2 is DOWN\n", Encoding.UTF8.GetString(records[0].Data), StringComparison.Ordinal);
        Assert.True(records[0].Received <= records[2].Received);
    }

    [Fact]
    public void WaitFor_NotEnoughMatches_TimesOut()
    {
        using var receiver = new SyslogReceiver();
        receiver.Start();
        using var sender = new UdpClient();
        Send(sender, new IPEndPoint(IPAddress.Loopback, receiver.Port), "<129>x: Server app/s2 is DOWN\n");

        Assert.True(receiver.WaitFor("is DOWN", 1, TimeSpan.FromSeconds(5)));
        Assert.False(receiver.WaitFor("is DOWN", 2, TimeSpan.FromMilliseconds(250)));
    }

    private static void Send(UdpClient sender, IPEndPoint target, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        sender.Send(bytes, bytes.Length, target);
    }
}
