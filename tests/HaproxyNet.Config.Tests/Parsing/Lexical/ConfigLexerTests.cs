using HaproxyNet.Config.Parsing.Lexical;

namespace HaproxyNet.Config.Tests.Parsing.Lexical;

public class ConfigLexerTests
{
    [Fact]
    public void Lex_BlankSeparatedWords_SplitsOnRunsOfSpaceAndTab()
    {
        var r = ConfigLexer.Lex("  server \t s1   127.0.0.1:80\n");
        Assert.Equal(["server", "s1", "127.0.0.1:80"], r.Words);
    }

    [Fact]
    public void Lex_HashInsideWord_EndsTheLine()
    {
        Assert.Equal(["node", "n1"], ConfigLexer.Lex("node n1#x y\n").Words);
    }

    [Fact]
    public void Lex_EscapedHash_IsKeptAsCharacter()
    {
        Assert.Equal(["a#b", "c"], ConfigLexer.Lex("a\\#b c\n").Words);
    }

    [Fact]
    public void Lex_Quotes_AreOrdinaryCharacters()
    {
        Assert.Equal(["description", "\"a", "b\""], ConfigLexer.Lex("description \"a  b\"\n").Words);
    }

    [Fact]
    public void Lex_EscapedSpace_StaysInsideWord()
    {
        Assert.Equal(["reqadd", "X-A: b"], ConfigLexer.Lex("reqadd X-A:\\ b\n").Words);
    }

    [Fact]
    public void Lex_ControlEscapes_BecomeBytes()
    {
        Assert.Equal(["a\r\n\tb"], ConfigLexer.Lex("a\\r\\n\\tb\n").Words);
    }

    [Fact]
    public void Lex_HexEscapeWithTwoDigits_BecomesByte()
    {
        var r = ConfigLexer.Lex("x\\x41y\n");
        Assert.Equal(["xAy"], r.Words);
        Assert.Empty(r.BadHex);
    }

    [Fact]
    public void Lex_HexEscapeWithOneDigit_IsReportedAndKept()
    {
        var r = ConfigLexer.Lex("x\\x4\n");
        Assert.Equal(["x\\x4\n"], r.BadHex);
        Assert.Equal(["x\\x4"], r.Words);
    }

    [Fact]
    public void Lex_BadHexInLaterWord_ReportsFirstWord()
    {
        Assert.Equal(["reqadd"], ConfigLexer.Lex("reqadd a\\xZZ\n").BadHex);
    }

    [Fact]
    public void Lex_OtherBackslash_KeepsBothCharacters()
    {
        Assert.Equal(["\\1\\.", "end\\"], ConfigLexer.Lex("\\1\\. end\\\n").Words);
    }

    [Fact]
    public void Lex_CrLfLine_EndsAtCarriageReturn()
    {
        Assert.Equal(["mode", "http"], ConfigLexer.Lex("mode http\r\n").Words);
    }

    [Fact]
    public void Lex_SixtyFourWords_AreAllKept()
    {
        var line = string.Join(' ', Enumerable.Range(1, 64).Select(i => "w" + i)) + "\n";
        var r = ConfigLexer.Lex(line);
        Assert.Equal(64, r.Words.Count);
        Assert.Null(r.OverflowRest);
    }

    [Fact]
    public void Lex_SixtyFiveWords_ReportsRestAndPosition()
    {
        var line = string.Join(' ', Enumerable.Range(1, 66).Select(i => "w" + i)) + " # c\n";
        var r = ConfigLexer.Lex(line);
        Assert.Equal(64, r.Words.Count);
        Assert.Equal("w65 w66 ", r.OverflowRest);
        Assert.Equal(line.IndexOf("w65", StringComparison.Ordinal) + 1, r.OverflowPosition);
    }

    [Fact]
    public void Lex_CommentOnlyLine_HasNoWords()
    {
        Assert.Empty(ConfigLexer.Lex("   # nothing\n").Words);
    }

    [Fact]
    public void Lex_EscapedWordThenPlainWords_EachWordKeepsOnlyItsText()
    {
        var r = ConfigLexer.Lex("a\\ b cd \\#e f\\tg h\n");

        Assert.Equal(["a b", "cd", "#e", "f\tg", "h"], r.Words);
        Assert.Empty(r.BadHex);
    }

    [Fact]
    public void Lex_BadHexInLaterWords_PrintsTheCutFirstWord()
    {
        var r = ConfigLexer.Lex("rspadd a\\x4 b\\x5\n");

        Assert.Equal(["rspadd", "rspadd"], r.BadHex);
        Assert.Equal(["rspadd", "a\\x4", "b\\x5"], r.Words);
    }
}
