using HaproxyNet.Config.Parsing.Lexical;
using Sprache;

namespace HaproxyNet.Config.Tests.Parsing.Lexical;

public class ScanTests
{
    [Theory]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("12ab")]
    [InlineData("ab12")]
    public void Many_Digits_SameAsSpracheManyText(string text)
    {
        var expected = Parse.Digit.Many().Text().TryParse(text);

        var actual = Scan.Many(char.IsDigit).TryParseText(text);

        Assert.True(actual.WasSuccessful);
        Assert.Equal(expected.Value, actual.Value);
        Assert.Equal(expected.Remainder.Position, actual.Remainder.Position);
    }

    [Theory]
    [InlineData("", false, 0)]
    [InlineData("a1", false, 0)]
    [InlineData("7", true, 1)]
    [InlineData("42x", true, 2)]
    public void AtLeastOnce_Digits_FailsOnlyWithoutADigit(string text, bool ok, int consumed)
    {
        var expected = Parse.Digit.AtLeastOnce().Text().TryParse(text);

        var actual = Scan.AtLeastOnce(char.IsDigit, "digit").TryParseText(text);

        Assert.Equal(ok, actual.WasSuccessful);
        Assert.Equal(expected.WasSuccessful, actual.WasSuccessful);
        Assert.Equal(consumed, actual.WasSuccessful ? actual.Remainder.Position : 0);
    }

    [Fact]
    public void Rest_AfterAParser_TakesEverythingLeft()
    {
        var parser = Parse.Char('-').Then(_ => Scan.Rest);

        var r = parser.TryParseText("-a b\n");

        Assert.Equal("a b\n", r.Value);
        Assert.True(r.Remainder.AtEnd);
    }

    [Fact]
    public void ParseText_Failure_ThrowsParseException()
    {
        Assert.Throws<ParseException>(() => Scan.AtLeastOnce(char.IsDigit, "digit").ParseText("x"));
        Assert.Equal("12", Scan.AtLeastOnce(char.IsDigit, "digit").ParseText("12x"));
    }
}
