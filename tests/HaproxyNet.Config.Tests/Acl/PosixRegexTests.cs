using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Tests.Acl;

public class PosixRegexTests
{
    private static PosixRegex Compile(string pattern, bool ignoreCase = false)
    {
        Assert.True(PosixRegex.TryCompile(pattern, ignoreCase, out var regex), "expected '" + pattern + "' to compile");
        return regex;
    }

    [Theory]
    [InlineData("(")]
    [InlineData("a(b")]
    [InlineData("[a")]
    [InlineData("[]")]
    [InlineData("[^]")]
    [InlineData("a\\")]
    [InlineData("*a")]
    [InlineData("+a")]
    [InlineData("?a")]
    [InlineData("{1}a")]
    [InlineData("a|*b")]
    [InlineData("(*a)")]
    [InlineData("^*")]
    [InlineData("a$+")]
    [InlineData("\\b*")]
    [InlineData("a{")]
    [InlineData("a{1")]
    [InlineData("a{x}")]
    [InlineData("a{}")]
    [InlineData("a{2,1}")]
    [InlineData("a{1,2,3}")]
    [InlineData("a{32768}")]
    [InlineData("[z-a]")]
    [InlineData("[a-c-e]")]
    [InlineData("[a--]")]
    [InlineData("[[:nosuch:]]")]
    [InlineData("[[:alpha:]")]
    [InlineData("[[:alpha]")]
    [InlineData("[[.ab.]]")]
    [InlineData("[a-[:alpha:]]")]
    [InlineData("\\1")]
    [InlineData("(a\\1)")]
    [InlineData("(a)\\2")]
    public void TryCompile_WhatGlibcRejects_Fails(string pattern)
    {
        Assert.False(PosixRegex.TryCompile(pattern, false, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a)")]
    [InlineData("a]")]
    [InlineData("a}")]
    [InlineData("()")]
    [InlineData("a|")]
    [InlineData("|a")]
    [InlineData("a**")]
    [InlineData("a*?")]
    [InlineData("a+*")]
    [InlineData("a{1}{2}")]
    [InlineData("a{,3}")]
    [InlineData("a{32767}")]
    [InlineData("[]a]")]
    [InlineData("[^]a]")]
    [InlineData("[a-]")]
    [InlineData("[-a]")]
    [InlineData("[--z]")]
    [InlineData("[[:alpha:][:digit:]]")]
    [InlineData("[[.-.]]")]
    [InlineData("[[=a=]]")]
    [InlineData("(a)\\1")]
    [InlineData("((a)\\2)")]
    [InlineData("^[^/:]*://")]
    public void TryCompile_WhatGlibcAccepts_Succeeds(string pattern)
    {
        Assert.True(PosixRegex.TryCompile(pattern, false, out _));
    }

    [Theory]
    [InlineData("^/api", "/api/x", true)]
    [InlineData("^/api", "x/api", false)]
    [InlineData("api$", "/api", true)]
    [InlineData("api$", "/api\n", false)]
    [InlineData("a.c", "a\nc", true)]
    [InlineData("\\d", "d", true)]
    [InlineData("\\d", "5", false)]
    [InlineData("[\\d]", "\\", true)]
    [InlineData("[\\d]", "5", false)]
    [InlineData("\\w+", "_", true)]
    [InlineData("^\\w$", "\u00e9", false)]
    [InlineData("^\\W$", "\u00e9", true)]
    [InlineData("\\s", "a\tb", true)]
    [InlineData("\\bcat\\b", "a cat!", true)]
    [InlineData("\\bcat\\b", "concat", false)]
    [InlineData("\\Bcat", "concat", true)]
    [InlineData("\\<cat\\>", "the cat sat", true)]
    [InlineData("\\<cat", "concat", false)]
    [InlineData("\\`ab\\'", "ab", true)]
    [InlineData("a\\.b", "a.b", true)]
    [InlineData("a\\.b", "axb", false)]
    [InlineData("a\\|b", "a|b", true)]
    [InlineData("a\\|b", "a", false)]
    [InlineData("\\(x\\)", "(x)", true)]
    [InlineData("a{2}", "a", false)]
    [InlineData("^a{2,3}$", "aaa", true)]
    [InlineData("^a{2,3}$", "aaaa", false)]
    [InlineData("^a{,2}$", "", true)]
    [InlineData("^a{,2}$", "aaa", false)]
    [InlineData("^(ab)*$", "abab", true)]
    [InlineData("^a*?$", "aaa", true)]
    [InlineData("a)", "a)", true)]
    [InlineData("[]x]", "]", true)]
    [InlineData("[^]x]", "]", false)]
    [InlineData("[^]x]", "y", true)]
    [InlineData("[a-]", "-", true)]
    [InlineData("[[:digit:]]+", "abc123", true)]
    [InlineData("[[:upper:]]", "abc", false)]
    [InlineData("[[:punct:]]", "a!", true)]
    [InlineData("^[^a]$", "\n", true)]
    [InlineData("(a)\\1", "aa", true)]
    [InlineData("(a)\\1", "ab", false)]
    [InlineData("^[^/:]*://", "http://x/", true)]
    [InlineData("^[^/:]*://", "/x", false)]
    [InlineData("a^b", "a^b", false)]
    [InlineData("\\n", "n", true)]
    public void IsMatch_PosixSemantics_AreKept(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, Compile(pattern).IsMatch(input));
    }

    [Theory]
    [InlineData("abc", "ABC", true)]
    [InlineData("[a-c]+", "ABC", true)]
    [InlineData("[A-C]+", "abc", true)]
    [InlineData("[^a]", "A", false)]
    [InlineData("[[:upper:]]", "x", true)]
    [InlineData("[[:lower:]]", "X", true)]
    [InlineData("\u00e9", "\u00c9", false)]
    [InlineData("(a)\\1", "aA", true)]
    [InlineData("\\W", "a", false)]
    [InlineData("\\A", "a", true)]
    [InlineData("\\a", "a", false)]
    [InlineData("\\a", "A", false)]
    public void IsMatch_IgnoreCase_IsAsciiOnly(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, Compile(pattern, ignoreCase: true).IsMatch(input));
    }

    [Theory]
    [InlineData("[_-a]")]
    [InlineData("[Z-a]")]
    public void TryCompile_IgnoreCaseRangeCrossingLetters_FailsAsGlibcUppercases(string pattern)
    {
        Assert.True(PosixRegex.TryCompile(pattern, false, out _));
        Assert.False(PosixRegex.TryCompile(pattern, true, out _));
    }

    [Fact]
    public void IsMatch_IgnoreCaseRange_MatchesByUpperCase()
    {
        // [0-z] upper-cased is [0-Z]: '_' (0x5F) is then outside.
        Assert.True(Compile("[0-z]", false).IsMatch("_"));
        Assert.False(Compile("[0-z]", true).IsMatch("_"));
        Assert.True(Compile("[0-z]", true).IsMatch("q"));
    }

    [Theory]
    [InlineData("(a)(b(c))", 3)]
    [InlineData("a", 0)]
    [InlineData("(?:", -1)]
    public void GroupCount_CountsPosixGroups(string pattern, int expected)
    {
        if (expected < 0)
        {
            Assert.False(PosixRegex.TryCompile(pattern, false, out _));
            return;
        }

        Assert.Equal(expected, Compile(pattern).GroupCount);
    }

    [Theory]
    [InlineData("a(?i)b")]
    [InlineData("(?=a)")]
    [InlineData("a+?")]
    public void TryCompile_PcreOnlySyntax_IsNotPcre(string pattern)
    {
        // "(?" is "(" followed by a repetition with nothing to repeat in POSIX; "a+?" is two greedy operators.
        var ok = PosixRegex.TryCompile(pattern, false, out var regex);
        if (pattern == "a+?")
        {
            Assert.True(ok);
            Assert.True(regex!.IsMatch("aa"));
        }
        else
        {
            Assert.False(ok);
        }
    }

    [Fact]
    public void TryCompile_PatternWithNul_IsCutAtNulAsACString()
    {
        // regcomp sees "[^" only.
        Assert.False(PosixRegex.TryCompile("[^\u0000]", false, out _));
        Assert.True(Compile("ab\u0000[").IsMatch("xab"));
    }

    [Theory]
    [InlineData("^(a*)*b$", true)]
    [InlineData("[[:alpha:]]{2,5}", true)]
    [InlineData("(a)\\1", false)]
    [InlineData("\\bx", false)]
    public void IsLinearTime_WithoutBackrefsOrWordAnchors_UsesNonBacktrackingEngine(string pattern, bool expected)
    {
        Assert.Equal(expected, Compile(pattern).IsLinearTime);
    }

    [Fact]
    public void IsMatch_CatastrophicPatternOnLongInput_ReturnsWithoutBacktracking()
    {
        // "(a*)*b" against 5000 a's and no b: exponential for a backtracking engine, instant for glibc.
        var regex = Compile("^(a*)*b$");
        Assert.False(regex.IsMatch(new string('a', 5000)));
    }

    [Fact]
    public void IsMatch_EmptyBracketSet_NeverMatches()
    {
        // Every byte 1..255 in a negated set: nothing an input can hold is left.
        var regex = Compile("[^\u0001-\u00ff]");
        Assert.False(regex.IsMatch("abc\u00ff"));
    }
}
