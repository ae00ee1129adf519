using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Tests.Acl;

public class PosixReplacementTests
{
    private readonly AclTestEnvironment _env = new();

    private PosixReplacement Parse(string text)
    {
        Assert.True(PosixReplacement.TryParse(text, _env, out var replacement, out _));
        return replacement;
    }

    [Theory]
    [InlineData("\\1 x \\2")]
    [InlineData("\\0")]
    [InlineData("\\x41\\x7e")]
    [InlineData("plain")]
    [InlineData("")]
    public void TryParse_ValidReplacement_NoWarning(string text)
    {
        Parse(text);
        Assert.Empty(_env.Warnings);
    }

    [Theory]
    [InlineData("abc\\")]
    [InlineData("\\x4")]
    [InlineData("\\xZZ")]
    [InlineData("\\x")]
    [InlineData("a\\x4g")]
    public void TryParse_UnterminatedSequence_FailsNearBackslash(string text)
    {
        Assert.False(PosixReplacement.TryParse(text, _env, out _, out var errorChar));
        Assert.Equal('\\', errorChar);
    }

    [Fact]
    public void TryParse_BackslashOther_WarnsAs14EvenForBackslash()
    {
        Parse("a\\.b\\\\c");
        Assert.Equal(
            [
                "'\\.' : deprecated use of a backslash before something not '\\','x' or a digit.\n",
                "'\\\\' : deprecated use of a backslash before something not '\\','x' or a digit.\n",
            ],
            _env.Warnings);
    }

    [Theory]
    [InlineData("^([^ ]*) /old/(.*)", "GET /old/x HTTP/1.0", "\\1 /new/\\2", "GET /new/x HTTP/1.0")]
    [InlineData("^Host: (.*)", "Host: a.example", "Host: www.\\1", "Host: www.a.example")]
    [InlineData("old", "xx old yy", "<\\0>", "<old>")]
    [InlineData("(a)|(b)", "b", "[\\1][\\2][\\9]", "[][b][]")]
    [InlineData("x", "x", "\\x41\\q", "Aq")]
    [InlineData("(|a)b", "ab", "[\\1]", "[a]")]
    [InlineData("^(|ab|a)", "abc", "[\\1]", "[ab]")]
    public void TryReplace_Match_ReplacesWholeLineWithExpansion(string regex, string input, string replacement, string expected)
    {
        Assert.True(PosixRegex.TryCompile(regex, false, out var re));
        Assert.True(re.TryReplace(input, Parse(replacement), out var result));
        Assert.Equal(expected, result);
    }

    [Fact]
    public void TryReplace_NoMatch_ReturnsFalse()
    {
        Assert.True(PosixRegex.TryCompile("^X-Foo:", false, out var re));
        Assert.False(re.TryReplace("X-Bar: 1", Parse("X"), out var result));
        Assert.Null(result);
    }

    [Fact]
    public void TryReplace_CaseInsensitiveRegex_MatchesAnyCase()
    {
        Assert.True(PosixRegex.TryCompile("^host:", true, out var re));
        Assert.True(re.TryReplace("HOST: x", Parse("Host:"), out var result));
        Assert.Equal("Host:", result);
    }
}
