using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Tests.Parsing.Values;

public class TimeGrammarTests
{
    [Theory]
    [InlineData("5000", TimeUnit.Milliseconds, 5000u)]
    [InlineData("5s", TimeUnit.Milliseconds, 5000u)]
    [InlineData("2m", TimeUnit.Milliseconds, 120000u)]
    [InlineData("1h", TimeUnit.Milliseconds, 3600000u)]
    [InlineData("1d", TimeUnit.Milliseconds, 86400000u)]
    [InlineData("10ms", TimeUnit.Milliseconds, 10u)]
    [InlineData("1us", TimeUnit.Milliseconds, 1u)]
    [InlineData("1000us", TimeUnit.Milliseconds, 1u)]
    [InlineData("1001us", TimeUnit.Milliseconds, 2u)]
    [InlineData("30", TimeUnit.Seconds, 30u)]
    [InlineData("1500ms", TimeUnit.Seconds, 2u)]
    [InlineData("", TimeUnit.Milliseconds, 0u)]
    public void ParseTime_ValidValue_ConvertsToKeywordUnitRoundingUp(string text, TimeUnit unit, uint expected)
    {
        var r = TimeGrammar.ParseTime(text, unit);
        Assert.True(r.Ok);
        Assert.Equal(expected, r.Value);
    }

    [Theory]
    [InlineData("30sx", 30000u)]
    [InlineData("10msec", 10u)]
    [InlineData("5min", 300000u)]
    public void ParseTime_CharactersAfterUnit_AreIgnored(string text, uint expected)
    {
        Assert.Equal(expected, TimeGrammar.ParseTime(text, TimeUnit.Milliseconds).Value);
    }

    [Theory]
    [InlineData("30x", 'x')]
    [InlineData("1.5s", '.')]
    [InlineData("10S", 'S')]
    [InlineData("abc", 'a')]
    public void ParseTime_UnknownCharacter_ReportsIt(string text, char bad)
    {
        var r = TimeGrammar.ParseTime(text, TimeUnit.Milliseconds);
        Assert.False(r.Ok);
        Assert.Equal(bad, r.BadChar);
    }

    [Fact]
    public void ParseTime_Overflow_WrapsLike32BitUnsigned()
    {
        Assert.Equal(unchecked((uint)(5000000000UL % 4294967296UL)), TimeGrammar.ParseTime("5000000000", TimeUnit.Milliseconds).Value);
    }
}
