using System.Text;
using HaproxyNet.LogDiff.Normalization;

namespace HaproxyNet.LogDiff.Tests.Normalization;

public class SyslogDatagramTextTests
{
    [Fact]
    public void Decode_TrailingNewline_IsDroppedOnce()
    {
        Assert.Equal("<133>x", SyslogDatagramText.Decode("<133>x\n"u8));
        Assert.Equal(@"<133>x\n", SyslogDatagramText.Decode("<133>x\n\n"u8));
    }

    [Fact]
    public void Decode_EmbeddedNewline_IsEscaped()
    {
        Assert.Equal(@"a\nb", SyslogDatagramText.Decode("a\nb"u8));
    }

    [Fact]
    public void Decode_InvalidUtf8_BecomesBackslashX()
    {
        Assert.Equal(@"a\xffb\xc3", SyslogDatagramText.Decode([(byte)'a', 0xff, (byte)'b', 0xc3]));
    }

    [Fact]
    public void Decode_ValidUtf8_IsKept()
    {
        Assert.Equal("é€", SyslogDatagramText.Decode(Encoding.UTF8.GetBytes("é€")));
    }
}
