using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Tests.Parsing.Values;

public class IntegerGrammarTests
{
    [Theory]
    [InlineData("100", 100L)]
    [InlineData("1k", 1L)]
    [InlineData("abc", 0L)]
    [InlineData("  -5", -5L)]
    [InlineData("+7x", 7L)]
    [InlineData("", 0L)]
    [InlineData("-", 0L)]
    [InlineData("+-3", 0L)]
    [InlineData("\t\n+12", 12L)]
    [InlineData("-99999999999999999999999", long.MinValue)]
    [InlineData("99999999999999999999999", long.MaxValue)]
    public void ParseLong_CAtolRules_ReadsLeadingNumber(string text, long expected)
    {
        Assert.Equal(expected, IntegerGrammar.ParseLong(text));
    }

    [Theory]
    [InlineData("16", 16UL, "")]
    [InlineData("0x10", 16UL, "")]
    [InlineData("010", 8UL, "")]
    [InlineData("10k", 10UL, "k")]
    public void ParseCStyle_Strtoul_ReadsBaseAndRest(string text, ulong expected, string rest)
    {
        Assert.Equal(expected, IntegerGrammar.ParseCStyle(text, out var r));
        Assert.Equal(rest, r);
    }

    [Theory]
    [InlineData("65535", 65535)]
    [InlineData("1-8", 1)]
    [InlineData("x", 0)]
    public void ParseUnsigned_Str2uic_ReadsLeadingDigits(string text, int expected)
    {
        Assert.Equal(expected, IntegerGrammar.ParseUnsigned(text));
    }
}
