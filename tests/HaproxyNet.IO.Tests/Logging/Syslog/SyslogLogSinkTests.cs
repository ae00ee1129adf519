using System.Net.Sockets;
using System.Text;
using HaproxyNet.Core.Logging;
using HaproxyNet.Logging.Diagnostics;
using HaproxyNet.Logging.Syslog;
using HaproxyNet.Logging.Targets;
using NLog;

namespace HaproxyNet.IO.Tests.Logging.Syslog;

/// <summary>End to end: sink → NLog → SyslogUdpTarget → a real socket on loopback, checked byte for byte.</summary>
public sealed class SyslogLogSinkTests
{
    private static readonly DateTimeOffset Date = new(2026, 11, 24, 14, 32, 53, TimeSpan.Zero);

    [Theory]
    [InlineData(16, 5, "<133>", "Proxy l1 started.\n")]
    [InlineData(16, 6, "<134>", "Connect from 127.0.0.1:44738 to 127.0.0.1:18000 (t1/TCP)\n")]
    [InlineData(16, 3, "<131>", "127.0.0.1:41692 [24/Nov/2026:14:37:48.414] t1 t1/s1 0/-1/1003 0 SC 0/0/0/0/1 0/0\n")]
    [InlineData(23, 0, "<184>", "Server b/s1 is DOWN.\n")]
    [InlineData(3, 4, "<28>", "Stopping proxy l1 in 0 ms.\n")]
    [InlineData(0, 1, "<1>", "x\n")]
    [InlineData(16, 6, "<134>", "127.0.0.1:56978 [24/Nov/2026:14:36:40.185] l1 l1/s1 0/0/0/0/0 200 97 JSID=zz JSID=abc123 ---- 0/0/0/0/0 0/0 {www.exampl|a#7Cb#7Bc#7D#22d#01} {r#7C1} \"GET /a#22b#23c?x=1 HTTP/1.0\"\n")]
    [InlineData(16, 6, "<134>", "{0} {1} {name} %s\n")]
    public void Send_UdpTarget_DeliversTheExactDatagram(int facility, int level, string pri, string message)
    {
        using var syslogd = new SyslogReceiver();
        var factory = HaproxyNetLogging.CreateFactory(new HaproxyNetLoggingOptions());
        try
        {
            var sink = new SyslogLogSink(factory, new FixedTimeProvider(Date), new SyslogOptions("haproxy", Pid: 12786));
            sink.Send(new LogTarget(syslogd.EndPoint, null, facility), level, message);

            Assert.Equal(pri + "Nov 24 14:32:53 haproxy[12786]: " + message, syslogd.Receive());
        }
        finally
        {
            factory.Shutdown();
        }
    }

    [Fact]
    public void Send_DefaultOptions_UsesTagHaproxynetAndOwnPid()
    {
        using var syslogd = new SyslogReceiver();
        var factory = HaproxyNetLogging.CreateFactory(new HaproxyNetLoggingOptions());
        try
        {
            var sink = new SyslogLogSink(factory, new FixedTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 9, TimeSpan.Zero)));
            sink.Send(new LogTarget(syslogd.EndPoint, null, 16), 6, "hello\n");

            Assert.Equal("<134>Mar  1 08:00:09 haproxynet[" + Environment.ProcessId + "]: hello\n", syslogd.Receive());
        }
        finally
        {
            factory.Shutdown();
        }
    }

    [Theory]
    [InlineData(0, 0, 1022)]
    [InlineData(1, 3, 1023)]
    [InlineData(16, 6, 1024)]
    public void Send_LongMessage_DatagramIsCutAt1024MinusMissingPriDigits(int facility, int level, int size)
    {
        using var syslogd = new SyslogReceiver();
        var factory = HaproxyNetLogging.CreateFactory(new HaproxyNetLoggingOptions());
        try
        {
            var sink = new SyslogLogSink(factory, new FixedTimeProvider(Date), new SyslogOptions("haproxy", Pid: 12786));
            var message = "GET /" + new string('u', 1100) + " HTTP/1.0\"\n";
            sink.Send(new LogTarget(syslogd.EndPoint, null, facility), level, message);

            var datagram = syslogd.Receive();
            Assert.Equal(size, datagram.Length);
            Assert.EndsWith("uuu\n", datagram);
            Assert.StartsWith("<" + ((facility * 8) + level) + ">Nov 24 14:32:53 haproxy[12786]: GET /uuu", datagram);
        }
        finally
        {
            factory.Shutdown();
        }
    }

    [Fact]
    public void Send_ByteTextAbove127_IsSentAsSingleBytes()
    {
        using var syslogd = new SyslogReceiver();
        var factory = HaproxyNetLogging.CreateFactory(new HaproxyNetLoggingOptions());
        try
        {
            var sink = new SyslogLogSink(factory, new FixedTimeProvider(Date), new SyslogOptions("haproxy", Pid: 1));
            sink.Send(new LogTarget(syslogd.EndPoint, null, 16), 6, "caf\u00e9\n");

            var datagram = syslogd.Receive();
            Assert.Equal("<134>Nov 24 14:32:53 haproxy[1]: caf\u00e9\n", datagram);
            Assert.Equal(Encoding.ASCII.GetByteCount("<134>Nov 24 14:32:53 haproxy[1]: cafe\n"), datagram.Length);
        }
        finally
        {
            factory.Shutdown();
        }
    }

    [Fact]
    public void Send_UnixDatagramTarget_DeliversTheSameBytes()
    {
        var path = Path.Combine(Path.GetTempPath(), "hn-syslog-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
        using var syslogd = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        syslogd.Bind(new UnixDomainSocketEndPoint(path));
        syslogd.ReceiveTimeout = 5000;
        var factory = HaproxyNetLogging.CreateFactory(new HaproxyNetLoggingOptions());
        try
        {
            var sink = new SyslogLogSink(factory, new FixedTimeProvider(Date), new SyslogOptions("haproxy", Pid: 9));
            sink.Send(new LogTarget(null, path, 16), 5, "Proxy l1 started.\n");

            var buffer = new byte[2048];
            var n = syslogd.Receive(buffer);
            Assert.Equal("<133>Nov 24 14:32:53 haproxy[9]: Proxy l1 started.\n", Encoding.Latin1.GetString(buffer, 0, n));
        }
        finally
        {
            factory.Shutdown();
            File.Delete(path);
        }
    }

    [Fact]
    public void Send_UnreachableUnixPath_ReportsTheFailureWithoutThrowing()
    {
        var factory = HaproxyNetLogging.CreateFactory(new HaproxyNetLoggingOptions());
        try
        {
            var failures = new List<SyslogSendFailure>();
            HaproxyNetLogging.SyslogTarget(factory)!.SendFailed = failures.Add;
            var sink = new SyslogLogSink(factory, new FixedTimeProvider(Date));
            var target = new LogTarget(null, "/nonexistent-dir-hn/log.sock", 16);
            sink.Send(target, 6, "lost\n");

            var failure = Assert.Single(failures);
            Assert.Same(target, failure.Target);
            Assert.Equal(2, failure.Errno);
            Assert.Equal("sendto logger #1 failed: No such file or directory (errno=2)", failure.ToAlert(1));
        }
        finally
        {
            factory.Shutdown();
        }
    }

    [Fact]
    public void Send_SameTargetTwice_SendsTwoDatagrams()
    {
        using var syslogd = new SyslogReceiver();
        var factory = HaproxyNetLogging.CreateFactory(new HaproxyNetLoggingOptions());
        try
        {
            var sink = new SyslogLogSink(factory, new FixedTimeProvider(Date), new SyslogOptions("haproxy", Pid: 1));
            var target = new LogTarget(syslogd.EndPoint, null, 16);
            sink.Send(target, 6, "one\n");
            sink.Send(target, 6, "two\n");

            Assert.EndsWith("one\n", syslogd.Receive());
            Assert.EndsWith("two\n", syslogd.Receive());
            Assert.Equal(2, HaproxyNetLogging.SyslogTarget(factory)!.Sent);
        }
        finally
        {
            factory.Shutdown();
        }
    }

    [Theory]
    [InlineData(0, "Fatal")]
    [InlineData(1, "Fatal")]
    [InlineData(2, "Fatal")]
    [InlineData(3, "Error")]
    [InlineData(4, "Warn")]
    [InlineData(5, "Info")]
    [InlineData(6, "Info")]
    [InlineData(7, "Debug")]
    public void ToNLogLevel_SyslogLevel_MapsToNearestNLogLevel(int level, string expected)
    {
        Assert.Equal(LogLevel.FromString(expected), SyslogLogSink.ToNLogLevel(level));
    }
}
