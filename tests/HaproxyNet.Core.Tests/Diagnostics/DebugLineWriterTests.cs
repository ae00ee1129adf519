using System.Net;
using System.Text;
using HaproxyNet.Core.Diagnostics;

namespace HaproxyNet.Core.Tests.Diagnostics;

/// <summary>The byte formatting behind the <c>-d</c> lines: <c>%04x</c>/<c>%08x</c>, <c>%d</c>, inet_ntop text.</summary>
public class DebugLineWriterTests
{
    [Theory]
    [InlineData(-1, "ffff")]
    [InlineData(0, "0000")]
    [InlineData(5, "0005")]
    [InlineData(0xab, "00ab")]
    [InlineData(0xffff, "ffff")]
    [InlineData(0x10000, "0000")]
    [InlineData(0x12345, "2345")]
    public void AppendFd_Number_UnsignedShortInFourHexDigits(int fd, string expected)
    {
        Span<byte> buffer = stackalloc byte[16];
        var w = new DebugLineWriter(buffer);
        w.AppendFd(fd);
        Assert.Equal(expected, Encoding.ASCII.GetString(w.Written));
    }

    [Theory]
    [InlineData(0u, "00000000")]
    [InlineData(9u, "00000009")]
    [InlineData(10u, "0000000a")]
    [InlineData(0xdeadbeefu, "deadbeef")]
    [InlineData(uint.MaxValue, "ffffffff")]
    public void AppendHex_EightDigits_LowerCaseZeroPadded(uint value, string expected)
    {
        Span<byte> buffer = stackalloc byte[16];
        var w = new DebugLineWriter(buffer);
        w.AppendHex(value, 8);
        Assert.Equal(expected, Encoding.ASCII.GetString(w.Written));
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("::1", "::1")]
    [InlineData("::ffff:127.0.0.1", "::ffff:127.0.0.1")]
    [InlineData("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1")]
    [InlineData("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1")]
    [InlineData("fe80::1%2", "fe80::1")]
    public void AppendAddress_Address_InetNtopText(string address, string expected)
    {
        Span<byte> buffer = stackalloc byte[64];
        var w = new DebugLineWriter(buffer);
        w.Append(IPAddress.Parse(address));
        Assert.Equal(expected, Encoding.ASCII.GetString(w.Written));
    }

    [Fact]
    public void AppendLatin1_HighBytes_OneBytePerChar()
    {
        Span<byte> buffer = stackalloc byte[8];
        var w = new DebugLineWriter(buffer);
        w.AppendLatin1("a\u00e9\u00ff");
        Assert.Equal(new byte[] { (byte)'a', 0xe9, 0xff }, w.Written.ToArray());
    }

    [Fact]
    public void Append_PastTheEnd_TruncatesWithoutThrowing()
    {
        Span<byte> buffer = stackalloc byte[6];
        var w = new DebugLineWriter(buffer);
        w.Append("abcd"u8);
        w.AppendFd(0x1234);
        w.Append((byte)'!');
        w.Append(65535);
        Assert.Equal("abcd!", Encoding.ASCII.GetString(w.Written)); // a number that does not fit is left out whole
    }

    [Fact]
    public void Append_Port_Decimal()
    {
        Span<byte> buffer = stackalloc byte[8];
        var w = new DebugLineWriter(buffer);
        w.Append(65535);
        Assert.Equal("65535", Encoding.ASCII.GetString(w.Written));
    }
}
