using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using HaproxyNet.Core.Diagnostics;

namespace HaproxyNet.Core.Tests.Diagnostics;

/// <summary>Our inet_ntop against glibc's: a table recorded from glibc, then a differential run against libc itself.</summary>
public partial class InetNtopTests
{
    private const int AfInet6 = 10;

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("::", "::")]
    [InlineData("::1", "::1")]
    [InlineData("::ffff:127.0.0.1", "::ffff:127.0.0.1")]
    [InlineData("::127.0.0.1", "::127.0.0.1")]
    [InlineData("::0.0.0.2", "::2")]
    [InlineData("::2:3", "::0.2.0.3")]
    [InlineData("::ffff:0:1.2.3.4", "::ffff:0:102:304")]
    [InlineData("fe80::5efe:c000:201", "fe80::5efe:c000:201")]
    [InlineData("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1")]
    [InlineData("2001:db8::", "2001:db8::")]
    [InlineData("1:0:0:2:0:0:0:3", "1:0:0:2::3")]
    [InlineData("1:0:2:0:3:0:4:0", "1:0:2:0:3:0:4:0")]
    [InlineData("0:0:1::", "0:0:1::")]
    [InlineData("::1:0:0:0", "::1:0:0:0")]
    [InlineData("2001:DB8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1")]
    [InlineData("0:1:0:0:0:0:0:0", "0:1::")]
    [InlineData("::ffff:1:2", "::ffff:0.1.0.2")]
    [InlineData("1::ffff:1.2.3.4", "1::ffff:102:304")]
    [InlineData("fe80::1%3", "fe80::1")]
    public void Format_Address_GlibcText(string address, string expected)
    {
        Span<char> text = stackalloc char[InetNtop.MaxLength];
        var n = InetNtop.Format(IPAddress.Parse(address), text);
        Assert.Equal(expected, text[..n].ToString());
    }

    [Fact]
    public void Format_ManyAddressesWithZeroRuns_SameAsLibc()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var random = new Random(1234);
        var bytes = new byte[16];
        Span<char> text = stackalloc char[InetNtop.MaxLength];
        for (var i = 0; i < 5000; i++)
        {
            // Each word is zero, 0xffff or random with equal odds: runs, ties and embedded IPv4 forms all occur.
            for (var w = 0; w < 8; w++)
            {
                var value = random.Next(3) switch { 0 => 0, 1 => 0xffff, _ => random.Next(0x10000) };
                bytes[2 * w] = (byte)(value >> 8);
                bytes[(2 * w) + 1] = (byte)value;
            }

            var n = InetNtop.Format(new IPAddress(bytes), text);
            Assert.Equal(Libc(bytes), text[..n].ToString());
        }
    }

    private static string Libc(byte[] address)
    {
        var dst = new byte[64];
        Assert.NotEqual(0, NativeInetNtop(AfInet6, address, dst, dst.Length));
        return Encoding.ASCII.GetString(dst, 0, Array.IndexOf(dst, (byte)0));
    }

    [LibraryImport("libc", EntryPoint = "inet_ntop")]
    private static partial nint NativeInetNtop(int family, byte[] source, byte[] destination, int size);
}
