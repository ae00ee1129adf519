using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Tests.Acl;

public class AclConditionParserTests
{
    private readonly AclTestEnvironment _env = new();
    private readonly AclTable _acls = new();

    private void Declare(string name, string line) => _acls.Declare(_env.Parse(line, name));

    private AclCondition Parse(string rule, int start = 0)
    {
        Assert.True(
            AclConditionParser.TryParse(AclTestEnvironment.Split(rule), start, _acls, _env.Context, out var cond),
            "expected '" + rule + "' to parse");
        return cond;
    }

    private bool TryParse(string rule, int start = 0) =>
        AclConditionParser.TryParse(AclTestEnvironment.Split(rule), start, _acls, _env.Context, out _);

    private static string Shape(AclCondition cond) =>
        string.Join(" | ", cond.Suites.Select(s => string.Join(" & ", s.Select(t => t.ToString()))));

    [Fact]
    public void TryParse_UndefinedAcl_Fails()
    {
        // testdata/config-check/err-undefined-acl: "use_backend app if is_api" without any acl.
        Assert.False(TryParse("use_backend app if is_api", 2));
    }

    [Fact]
    public void TryParse_AclDeclaredAfterRule_IsUnknownAtRuleTime()
    {
        Assert.False(TryParse("if a"));
        Declare("a", "src 127.0.0.1");
        Assert.True(TryParse("if a"));
    }

    [Theory]
    [InlineData("when a")]
    [InlineData("If a")]
    [InlineData("UNLESS a")]
    public void TryParse_FirstWordNotIfOrUnless_Fails(string rule)
    {
        Declare("a", "src 127.0.0.1");
        Assert.False(TryParse(rule));
    }

    [Fact]
    public void TryParse_StartAtIf_SetsPolarityPositionAndTerms()
    {
        Declare("a", "src 127.0.0.1");
        var cond = Parse("block if a", 1);
        Assert.Equal(AclConditionPolarity.If, cond.Polarity);
        Assert.Equal("test.cfg", cond.File);
        Assert.Equal(7, cond.Line);
        Assert.Equal("a", Shape(cond));
    }

    [Fact]
    public void TryParse_Unless_SetsPolarity()
    {
        Declare("a", "src 127.0.0.1");
        Assert.Equal(AclConditionPolarity.Unless, Parse("unless a").Polarity);
    }

    [Theory]
    [InlineData("if a b", "a & b")]
    [InlineData("if a or b", "a | b")]
    [InlineData("if a OR b", "a | b")]
    [InlineData("if a || b c", "a | b & c")]
    [InlineData("if !a b", "!a & b")]
    [InlineData("if !!a", "a")]
    [InlineData("if ! a", "!a")]
    [InlineData("if ! ! a", "a")]
    [InlineData("if !!!a", "!a")]
    [InlineData("if ! or a", "a")]
    [InlineData("if !or a", "a")]
    [InlineData("if a or or b", "a | b")]
    [InlineData("if a !", "a")]
    [InlineData("if", "")]
    public void TryParse_Operators_BuildOrOfAndSuites(string rule, string shape)
    {
        Declare("a", "src 127.0.0.1");
        Declare("b", "dst_port 80");
        Declare("c", "path_beg /x");
        Assert.Equal(shape, Shape(Parse(rule)));
    }

    [Fact]
    public void TryParse_UnknownNameAmongKnown_Fails()
    {
        Declare("a", "src 127.0.0.1");
        Assert.False(TryParse("if a or nope"));
    }

    [Fact]
    public void TryParse_NamesAreCaseSensitive()
    {
        Declare("a", "src 127.0.0.1");
        Assert.False(TryParse("if A"));
    }

    [Fact]
    public void TryParse_AnonymousAcl_IsParsedAndAppendedUnnamed()
    {
        var cond = Parse("if { path_beg /api } !{ src 10.0.0.0/8 }");
        var suite = Assert.Single(cond.Suites);
        Assert.Equal(2, suite.Count);
        Assert.True(suite[0].Acl.IsAnonymous);
        Assert.False(suite[0].Negated);
        Assert.True(suite[1].Negated);
        Assert.Equal("src", suite[1].Acl.Expressions[0].Criterion.Name);
        Assert.Equal(2, _acls.All.Count);
        Assert.Null(_acls.Find(string.Empty));
    }

    [Theory]
    [InlineData("if { path_beg /api")]
    [InlineData("if { }")]
    [InlineData("if { nosuch x }")]
    [InlineData("if { src 999.1.1.1 }")]
    [InlineData("if }")]
    [InlineData("if {path_beg /api}")]
    public void TryParse_BadAnonymousAcl_Fails(string rule)
    {
        Assert.False(TryParse(rule));
    }

    [Fact]
    public void TryParse_AnonymousAclWithSpaceBeforeParenthesis_WarnsWithEmptyName()
    {
        Parse("if { hdr (host) x }");
        Assert.StartsWith("parsing acl '' :\n  matching 'hdr' for pattern '(host)'", Assert.Single(_env.Warnings));
    }

    [Theory]
    [InlineData("TRUE", "always_true")]
    [InlineData("FALSE", "always_false")]
    [InlineData("LOCALHOST", "src")]
    [InlineData("HTTP", "req_proto_http")]
    [InlineData("HTTP_1.0", "req_ver")]
    [InlineData("HTTP_1.1", "req_ver")]
    [InlineData("METH_CONNECT", "method")]
    [InlineData("METH_GET", "method")]
    [InlineData("METH_HEAD", "method")]
    [InlineData("METH_OPTIONS", "method")]
    [InlineData("METH_POST", "method")]
    [InlineData("METH_TRACE", "method")]
    [InlineData("HTTP_URL_ABS", "url_reg")]
    [InlineData("HTTP_URL_SLASH", "url_beg")]
    [InlineData("HTTP_URL_STAR", "url")]
    [InlineData("HTTP_CONTENT", "hdr_val")]
    [InlineData("RDP_COOKIE", "req_rdp_cookie_cnt")]
    [InlineData("REQ_CONTENT", "req_len")]
    [InlineData("WAIT_END", "wait_end")]
    public void TryParse_PredefinedAcl_IsPulledIntoTable(string name, string criterion)
    {
        var term = Assert.Single(Assert.Single(Parse("if " + name).Suites));
        Assert.True(term.Acl.IsPredefined);
        Assert.Equal(criterion, Assert.Single(term.Acl.Expressions).Criterion.Name);
        Assert.Same(term.Acl, _acls.Find(name));
    }

    [Fact]
    public void TryParse_PredefinedNames_AreCaseSensitive()
    {
        Assert.False(TryParse("if true"));
        Assert.False(TryParse("if Meth_Get"));
    }

    [Fact]
    public void TryParse_DeclaredAclNamedLikePredefined_Wins()
    {
        Declare("TRUE", "always_false");
        var term = Assert.Single(Assert.Single(Parse("if TRUE").Suites));
        Assert.False(term.Acl.IsPredefined);
        Assert.Equal("always_false", term.Acl.Expressions[0].Criterion.Name);
    }

    [Fact]
    public void TryParse_PredefinedUsedTwice_IsPulledOnce()
    {
        Parse("if METH_GET");
        Parse("if METH_GET or METH_POST");
        Assert.Equal(["METH_GET", "METH_POST"], _acls.All.Select(a => a.Name));
    }

    [Fact]
    public void Declare_AfterPredefinedPulledIn_ExtendsIt()
    {
        var cond = Parse("if METH_GET");
        Declare("METH_GET", "method POST");
        var acl = cond.Suites[0][0].Acl;
        Assert.Equal(2, acl.Expressions.Count);
        Assert.Equal(AclHttpMethod.Post, acl.Expressions[1].Patterns[0].Method);
    }

    [Fact]
    public void Declare_SameNameAfterRule_ExtendsAclSeenByRule()
    {
        Declare("a", "src 127.0.0.1");
        var cond = Parse("if a");
        Declare("a", "status 500");
        Assert.Equal(2, cond.Suites[0][0].Acl.Expressions.Count);

        // The requires snapshot is the one of parse time, as cond->requires in 1.4.
        Assert.Equal(AclUse.Nothing, cond.Requires & AclUse.ResponseAny);
        Assert.Same(cond.Suites[0][0].Acl, cond.FindRequire(AclUse.ResponseAny));
    }

    [Fact]
    public void Requires_ResponseOnlyAcl_IsReportedByFindRequire()
    {
        Declare("a", "src 127.0.0.1");
        Declare("bad", "status 500");
        var cond = Parse("if a or bad");
        Assert.NotEqual(AclUse.Nothing, cond.Requires & AclUse.ResponseAny);
        Assert.Equal("bad", cond.FindRequire(AclUse.ResponseAny)?.Name);
        Assert.Null(cond.FindRequire(AclUse.RequestVolatile));
    }

    [Fact]
    public void Requires_VolatileRequestAcl_IsReportedByFindRequire()
    {
        Declare("api", "path_beg /api");
        var cond = Parse("if api");
        Assert.Equal("api", cond.FindRequire(AclUse.RequestVolatile)?.Name);
        Assert.Null(cond.FindRequire(AclUse.ResponseAny));
    }

    [Fact]
    public void TryParse_EmptyWord_EndsCondition()
    {
        Declare("a", "src 127.0.0.1");
        Assert.True(AclConditionParser.TryParse(["if", "a", string.Empty, "nope"], 0, _acls, _env.Context, out var cond));
        Assert.Equal("a", Shape(cond));
    }
}
