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

    [Theory]
    [InlineData("+1", true)]
    [InlineData("-1", true)]
    [InlineData("1", false)]
    [InlineData("", false)]
    public void Char_Set_MatchesOneCharacterOfTheSet(string text, bool ok)
    {
        var r = Scan.Char("+-", "sign").TryParseText(text);

        Assert.Equal(ok, r.WasSuccessful);
        Assert.Equal(ok ? 1 : 0, r.Remainder.Position);
    }

    [Theory]
    [InlineData("us", 1, 2)]
    [InlineData("ms", 2, 2)]
    [InlineData("m", 3, 1)]
    [InlineData("min", 3, 1)]
    [InlineData("u", 4, 1)]
    public void Word_SharedPrefixes_LongestWordWins(string text, int value, int consumed)
    {
        var parser = Scan.Word("unit", ("m", 3), ("us", 1), ("ms", 2), ("u", 4));

        var r = parser.TryParseText(text);

        Assert.Equal(value, r.Value);
        Assert.Equal(consumed, r.Remainder.Position);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    public void Word_NoWordAtInput_FailsWithoutConsuming(string text)
    {
        var r = Scan.Word("unit", ("ms", 2)).TryParseText(text);

        Assert.False(r.WasSuccessful);
        Assert.Equal(0, r.Remainder.Position);
    }
}
