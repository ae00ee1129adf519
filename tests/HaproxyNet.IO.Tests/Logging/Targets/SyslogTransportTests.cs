using System.Net;
using System.Net.Sockets;
using System.Text;
using HaproxyNet.Core.Logging;
using HaproxyNet.Logging.Targets;

namespace HaproxyNet.IO.Tests.Logging.Targets;

/// <summary>Both sending paths: libc (Linux) and .NET sockets (every other system).</summary>
public sealed class SyslogTransportTests
{
    public static TheoryData<bool> Paths => new() { true, false };

    [Theory]
    [MemberData(nameof(Paths))]
    public void Send_Udp_DeliversTheBytesUnchanged(bool native)
    {
        using var syslogd = new SyslogReceiver();
        using var transport = new SyslogTransport(native);
        var bytes = Encoding.Latin1.GetBytes("<134>Nov 24 14:32:53 haproxy[1]: \u00ff\u0001x\n");

        Assert.Null(transport.Send(new LogTarget(syslogd.EndPoint, null, 16), bytes));

        Assert.Equal(Encoding.Latin1.GetString(bytes), syslogd.Receive());
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Send_UdpIPv6_Delivers(bool native)
    {
        using var syslogd = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        syslogd.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        syslogd.ReceiveTimeout = 5000;
        using var transport = new SyslogTransport(native);

        Assert.Null(transport.Send(new LogTarget((IPEndPoint)syslogd.LocalEndPoint!, null, 16), "<134>v6\n"u8));

        var buffer = new byte[64];
        Assert.Equal("<134>v6\n", Encoding.ASCII.GetString(buffer, 0, syslogd.Receive(buffer)));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Send_UnixPath_Delivers(bool native)
    {
        var path = Path.Combine(Path.GetTempPath(), "hn-tr-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
        using var syslogd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        syslogd.Bind(new UnixDomainSocketEndPoint(path));
        syslogd.ReceiveTimeout = 5000;
        try
        {
            using var transport = new SyslogTransport(native);
            Assert.Null(transport.Send(new LogTarget(null, path, 16), "<133>unix\n"u8));

            var buffer = new byte[64];
            Assert.Equal("<133>unix\n", Encoding.ASCII.GetString(buffer, 0, syslogd.Receive(buffer)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Send_MissingUnixPath_ReturnsAFailureInsteadOfThrowing(bool native)
    {
        using var transport = new SyslogTransport(native);
        var target = new LogTarget(null, "/nonexistent-hn/log.sock", 16);

        var failure = transport.Send(target, "<134>x\n"u8);

        Assert.NotNull(failure);
        Assert.Equal("sendto", failure.Value.Operation);
        Assert.Same(target, failure.Value.Target);
        Assert.NotEqual(0, failure.Value.Errno);
        if (native)
        {
            Assert.Equal(2, failure.Value.Errno); // ENOENT, as 1.4 would print it
        }
    }

    [Fact]
    public void Send_TargetWithoutAddress_SendsNothingAndSucceeds()
    {
        using var transport = new SyslogTransport();
        Assert.Null(transport.Send(new LogTarget(null, null, 16), "<134>x\n"u8));
    }

    [Fact]
    public void DestinationOf_EndPointWithoutPort_UsesSyslogPort514()
    {
        var target = new LogTarget(new IPEndPoint(IPAddress.Loopback, 0), null, 16);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 514), SyslogTransport.DestinationOf(target));
    }

    [Fact]
    public void DestinationOf_EndPointWithPort_KeepsIt()
    {
        var target = new LogTarget(new IPEndPoint(IPAddress.Loopback, 1514), null, 16);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 1514), SyslogTransport.DestinationOf(target));
    }

    [Fact]
    public void DestinationOf_UnixPath_IsAUnixEndPoint()
    {
        var destination = SyslogTransport.DestinationOf(new LogTarget(null, "/dev/log", 16));
        Assert.Equal("/dev/log", Assert.IsType<UnixDomainSocketEndPoint>(destination).ToString());
    }

    [Fact]
    public void ToAlert_SocketFailure_Uses14Wording()
    {
        var failure = new SyslogSendFailure(new LogTarget(null, "/x", 16), 24, "Too many open files", "socket");
        Assert.Equal("socket for logger #2 failed: Too many open files (errno=24)", failure.ToAlert(2));
    }
}
