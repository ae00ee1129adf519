using System.Net;
using HaproxyNet.Core.Logging;

namespace HaproxyNet.Core.Tests.Logging;

/// <summary>Addresses in log lines ("Connect from", tcplog) are written as glibc's inet_ntop, as 1.4 writes them.</summary>
public class LineWriterTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("::1", "::1")]
    [InlineData("fe80::1%3", "fe80::1")] // .NET would append %3
    [InlineData("::ffff:0:1.2.3.4", "::ffff:0:102:304")] // .NET would embed the IPv4 part
    [InlineData("::2:3", "::0.2.0.3")] // .NET would not
    public void Append_Address_GlibcText(string address, string expected)
    {
        Span<char> buffer = stackalloc char[64];
        var w = new LineWriter(buffer);
        w.Append(IPAddress.Parse(address));
        Assert.Equal(expected, w.Written.ToString());
    }

    [Fact]
    public void Append_AddressLongerThanRoomLeft_NothingWritten()
    {
        Span<char> buffer = stackalloc char[8];
        var w = new LineWriter(buffer);
        w.Append(IPAddress.Parse("2001:db8::1:2:3"));
        Assert.Equal(0, w.Written.Length);
    }
}
