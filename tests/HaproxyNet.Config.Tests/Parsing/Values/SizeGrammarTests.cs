using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Tests.Parsing.Values;

public class SizeGrammarTests
{
    [Theory]
    [InlineData("200", 200u)]
    [InlineData("1k", 1024u)]
    [InlineData("1K", 1024u)]
    [InlineData("2m", 2097152u)]
    [InlineData("1g", 1073741824u)]
    [InlineData("3g", 3221225472u)]
    public void TryParseSize_ValidSuffix_MultipliesBy1024Powers(string text, uint expected)
    {
        Assert.True(SizeGrammar.TryParseSize(text, out var v, out _));
        Assert.Equal(expected, v);
    }

    [Fact]
    public void TryParseSize_UnknownSuffix_ReportsCharacter()
    {
        Assert.False(SizeGrammar.TryParseSize("10x", out _, out var bad));
        Assert.Equal('x', bad);
    }

    [Fact]
    public void TryParseSize_FourGigabytes_Overflows()
    {
        Assert.False(SizeGrammar.TryParseSize("4g", out _, out var bad));
        Assert.Null(bad);
    }
}
