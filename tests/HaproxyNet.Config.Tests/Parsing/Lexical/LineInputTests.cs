using HaproxyNet.Config.Parsing.Lexical;
using Sprache;

namespace HaproxyNet.Config.Tests.Parsing.Lexical;

public class LineInputTests
{
    [Theory]
    [InlineData("abc", 0)]
    [InlineData("abc", 2)]
    [InlineData("a\nbc", 1)]
    [InlineData("a\nbc", 2)]
    [InlineData("a\nbc", 4)]
    public void Skip_AnyCount_SameLineColumnAsSpracheAdvance(string text, int count)
    {
        IInput expected = new Input(text);
        for (var i = 0; i < count; i++)
        {
            expected = expected.Advance();
        }

        var actual = new LineInput(text).Skip(count);

        Assert.Equal(expected.Position, actual.Position);
        Assert.Equal(expected.Line, actual.Line);
        Assert.Equal(expected.Column, actual.Column);
        Assert.Equal(expected.AtEnd, actual.AtEnd);
    }

    [Fact]
    public void Skip_PastEnd_Throws()
    {
        var input = new LineInput("ab").Skip(1);

        Assert.Throws<InvalidOperationException>(() => input.Skip(2));
        Assert.True(input.Skip(1).AtEnd);
    }

    [Fact]
    public void Equals_SameTextSamePosition_TrueOtherPositionFalse()
    {
        var a = new LineInput("abc").Skip(1);

        Assert.True(a.Equals(new LineInput(new string("abc".AsSpan())).Advance()));
        Assert.False(a.Equals(new LineInput("abc").Skip(2)));
        Assert.False(a.Equals(new LineInput("abd").Skip(1)));
    }

    [Fact]
    public void Memos_NotAskedFor_AdvanceKeepsWorking()
    {
        var input = new LineInput("xy");
        input.Memos["k"] = 1;

        Assert.Equal(1, input.Memos["k"]);
        Assert.Empty(input.Skip(1).Memos);
    }

    [Fact]
    public void From_SpracheInput_KeepsPositionLineColumn()
    {
        var sprache = new Input("a\nb").Advance().Advance();

        var converted = LineInput.From(sprache);

        Assert.Equal((2, 2, 1), (converted.Position, converted.Line, converted.Column));
        Assert.Equal('b', converted.Current);
    }
}
