using System.Text;
using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Tests.Acl;

public partial class AclParserTests
{
    private readonly AclTestEnvironment _env = new();

    [Fact]
    public void TryParse_UnknownCriterion_Fails()
    {
        // testdata/config-check/err-unknown-acl-criterion: "acl is_api url_starts_with /api".
        Assert.False(_env.TryParse("url_starts_with /api", "is_api"));
    }

    [Fact]
    public void TryParse_NoWords_Fails()
    {
        Assert.False(AclParser.TryParse("a", [], _env.Context, out _));
    }

    [Theory]
    [InlineData("bad!name", '!')]
    [InlineData("a b", ' ')]
    [InlineData("x/y", '/')]
    public void TryParse_InvalidNameChar_FailsAndReportsChar(string name, char expected)
    {
        Assert.False(_env.TryParse("src 127.0.0.1", name));
        Assert.Equal(expected, AclParser.FindInvalidNameChar(name));
    }

    [Theory]
    [InlineData("Aa0.:_-z")]
    [InlineData("is_api")]
    public void FindInvalidNameChar_AllowedChars_ReturnsNull(string name)
    {
        Assert.Null(AclParser.FindInvalidNameChar(name));
    }

    [Fact]
    public void TryParse_Valid_KeepsNamePositionAndCriterion()
    {
        var acl = _env.Parse("path_beg /api /v2", "is_api");
        Assert.Equal("is_api", acl.Name);
        Assert.Equal("path_beg", acl.Criterion.Name);
        Assert.Equal("test.cfg", acl.File);
        Assert.Equal(7, acl.Line);
        Assert.Equal(["/api", "/v2"], acl.Patterns.Select(p => p.Text));
        Assert.Null(acl.Argument);
    }

    [Theory]
    [InlineData("hdr(host) x", "host")]
    [InlineData("hdr() x", "")]
    [InlineData("hdr(a(b)) x", "a(b")]
    [InlineData("hdr(host)junk x", "host")]
    public void TryParse_Argument_IsTextBetweenFirstParentheses(string line, string expected)
    {
        Assert.Equal(expected, _env.Parse(line).Argument);
    }

    [Fact]
    public void TryParse_ArgumentWithoutClosingParenthesis_Fails()
    {
        Assert.False(_env.TryParse("hdr(host x"));
    }

    [Fact]
    public void TryParse_NoValues_IsAccepted()
    {
        Assert.Empty(_env.Parse("hdr_cnt(host)").Patterns);
    }

    [Fact]
    public void TryParse_SpaceBeforeParenthesis_WarnsExactlyAndKeepsPattern()
    {
        var acl = _env.Parse("hdr (host) www", "h");
        Assert.Equal(["(host)", "www"], acl.Patterns.Select(p => p.Text));
        var warning = Assert.Single(_env.Warnings);
        Assert.Equal(
            "parsing acl 'h' :\n"
            + "  matching 'hdr' for pattern '(host)' is likely a mistake and probably\n"
            + "  not what you want. Maybe you need to remove the extraneous space before '('.\n"
            + "  If you are really sure this is not an error, please insert '--' between the\n"
            + "  match and the pattern to make this warning message disappear.\n",
            warning);
    }

    [Theory]
    [InlineData("hdr -- (host)")]
    [InlineData("hdr(x) (host)")]
    [InlineData("hdr host")]
    public void TryParse_NoSuspiciousParenthesis_DoesNotWarn(string line)
    {
        _env.Parse(line);
        Assert.Empty(_env.Warnings);
    }

    [Fact]
    public void TryParse_SpaceBeforeParenthesisOnIntCriterion_FailsWithoutWarning()
    {
        Assert.False(_env.TryParse("hdr_cnt (host)"));
        Assert.Empty(_env.Warnings);
    }

    [Fact]
    public void TryParse_IgnoreCaseFlag_AppliesToFollowingValues()
    {
        var acl = _env.Parse("hdr(host) -i Example.COM");
        Assert.True(acl.IgnoreCase);
        Assert.True(Assert.Single(acl.Patterns).IgnoreCase);
    }

    [Theory]
    [InlineData("-ixyz")]
    [InlineData("-i")]
    public void TryParse_FlagSecondCharI_IsIgnoreCase(string flag)
    {
        Assert.True(_env.Parse("url " + flag + " x").IgnoreCase);
    }

    [Fact]
    public void TryParse_FlagAfterFirstValue_IsAValue()
    {
        var acl = _env.Parse("url a -i");
        Assert.False(acl.IgnoreCase);
        Assert.Equal(["a", "-i"], acl.Patterns.Select(p => p.Text));
    }

    [Theory]
    [InlineData("url_beg -- -foo", "-foo")]
    [InlineData("url_beg -x", "-x")]
    [InlineData("url_beg -", "-")]
    [InlineData("url_beg --x -i", "-i")]
    public void TryParse_DashWords_EndFlagsAsIn14(string line, string firstPattern)
    {
        var acl = _env.Parse(line);
        Assert.Equal(firstPattern, acl.Patterns[0].Text);
        Assert.False(acl.IgnoreCase);
    }

    [Fact]
    public void TryParse_NoneTypeCriterion_AcceptsAndIgnoresValues()
    {
        var acl = _env.Parse("always_true foo bar");
        Assert.Equal(2, acl.Patterns.Count);
        Assert.All(acl.Patterns, p => Assert.Equal(AclPatternKind.None, p.Kind));
    }

    [Fact]
    public void TryParse_HttpAuthGroup_JoinsAllWordsIntoOnePattern()
    {
        var acl = _env.Parse("http_auth_group(users) admin ops");
        var pattern = Assert.Single(acl.Patterns);
        Assert.Equal(AclPatternKind.GroupNames, pattern.Kind);
        Assert.Equal("admin ops", pattern.Text);
        Assert.Equal("users", acl.Argument);
    }

    [Theory]
    [InlineData("GET", AclHttpMethod.Get)]
    [InlineData("HEAD", AclHttpMethod.Head)]
    [InlineData("CONNECT", AclHttpMethod.Connect)]
    [InlineData("OPTIONS", AclHttpMethod.Options)]
    [InlineData("PROPFIND", AclHttpMethod.Other)]
    [InlineData("GETX", AclHttpMethod.Other)]
    [InlineData("Get", AclHttpMethod.Other)]
    [InlineData("get", AclHttpMethod.None)]
    [InlineData("*", AclHttpMethod.None)]
    public void TryParse_Method_IdentifiesAsFindHttpMeth(string word, AclHttpMethod expected)
    {
        var pattern = Assert.Single(_env.Parse("method " + word).Patterns);
        Assert.Equal(expected, pattern.Method);
        Assert.Equal(word, pattern.Text);
    }

    [Theory]
    [InlineData("GET", AclHttpMethod.Get)]
    [InlineData("TRACE", AclHttpMethod.Trace)]
    [InlineData("DELETE", AclHttpMethod.Delete)]
    [InlineData("PUT", AclHttpMethod.Put)]
    [InlineData("POST", AclHttpMethod.Post)]
    [InlineData("PUTX", AclHttpMethod.Other)]
    [InlineData("GE", AclHttpMethod.Other)]
    [InlineData("get", AclHttpMethod.None)]
    [InlineData("", AclHttpMethod.None)]
    [InlineData("@GET", AclHttpMethod.None)]
    public void FindHttpMethod_Bytes_SameAsText(string method, AclHttpMethod expected)
    {
        Assert.Equal(expected, AclParser.FindHttpMethod(Encoding.Latin1.GetBytes(method)));
        Assert.Equal(expected, AclParser.FindHttpMethod(method.AsSpan()));
    }

    [Fact]
    public void TryParse_StringWithNul_IsCutAtNul()
    {
        Assert.True(AclParser.TryParse("a", ["url", "ab\0cd"], _env.Context, out var acl));
        Assert.Equal("ab", acl.Patterns[0].Text);
    }

    [Fact]
    public void TryParse_BadRegex_Fails()
    {
        Assert.False(_env.TryParse("url_reg ^/api("));
    }

    [Fact]
    public void TryParse_Regex_CompilesWithIgnoreCaseFlag()
    {
        var pattern = Assert.Single(_env.Parse("hdr_reg(host) -i ^www\\.").Patterns);
        Assert.NotNull(pattern.Regex);
        Assert.True(pattern.Regex.IgnoreCase);
        Assert.True(pattern.Regex.IsMatch("WWW.example"));
    }
}
