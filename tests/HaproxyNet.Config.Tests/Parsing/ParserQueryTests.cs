using HaproxyNet.Config.Parsing;
using HaproxyNet.Config.Parsing.Lexical;
using Sprache;

namespace HaproxyNet.Config.Tests.Parsing;

public class ParserQueryTests
{
    private static readonly Parser<char> Letter = Parse.Letter;

    // Called by name: query syntax here (outside HaproxyNet.Config.Parsing) would bind to Sprache's own.
    private static readonly Parser<string> Pair = ParserQuery.SelectMany(Letter, _ => Letter, (a, b) => $"{a}{b}");

    [Fact]
    public void SelectMany_BothSucceed_ProjectsAndAdvances()
    {
        var r = Pair.TryParseText("xy1");

        Assert.True(r.WasSuccessful);
        Assert.Equal("xy", r.Value);
        Assert.Equal(2, r.Remainder.Position);
    }

    [Theory]
    [InlineData("1y", 0)]
    [InlineData("x1", 1)]
    [InlineData("x", 1)]
    public void SelectMany_EitherFails_FailsWhereSpracheFails(string text, int position)
    {
        var sprache = Letter.Then(a => Letter.Select(b => $"{a}{b}")).TryParse(text);

        var r = Pair.TryParseText(text);

        Assert.False(r.WasSuccessful);
        Assert.False(sprache.WasSuccessful);
        Assert.Equal(sprache.Remainder.Position, r.Remainder.Position);
        Assert.Equal(position, r.Remainder.Position);
    }
}
