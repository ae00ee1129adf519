using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Tests.Parsing.Values;

public class Ipv4GrammarTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("256.0.0.1", false)]
    [InlineData("01.2.3.4", false)]
    [InlineData("1.2.3", false)]
    [InlineData("1.2.3.4.5", false)]
    public void TryParsePton_DottedQuad_OnlyStrictFormAccepted(string text, bool ok)
    {
        Assert.Equal(ok, Ipv4Grammar.TryParsePton(text, out _));
    }

    [Theory]
    [InlineData("10", "0.0.0.10")]
    [InlineData("10.1", "10.0.0.1")]
    [InlineData("010.0.0.1", "8.0.0.1")]
    [InlineData("0x7f.1", "127.0.0.1")]
    public void TryParseAton_NumbersAndDots_UseCPrefixes(string text, string expected)
    {
        Assert.True(Ipv4Grammar.TryParseAton(text, out var a));
        Assert.Equal(expected, a.ToString());
    }

    [Fact]
    public void TryParseAton_PartAbove255_Fails()
    {
        Assert.False(Ipv4Grammar.TryParseAton("1.256.0.0", out _));
    }
}
