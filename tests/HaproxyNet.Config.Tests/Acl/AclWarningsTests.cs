using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Tests.Acl;

public class AclWarningsTests
{
    private readonly AclTestEnvironment _env = new();
    private readonly AclTable _acls = new();

    private AclCondition Parse(string rule)
    {
        Assert.True(AclConditionParser.TryParse(AclTestEnvironment.Split(rule), 0, _acls, _env.Context, out var cond));
        return cond;
    }

    [Fact]
    public void ResponseOnly_StatusInRequestRule_GivesExactText()
    {
        _acls.Declare(_env.Parse("src 127.0.0.1", "local"));
        _acls.Declare(_env.Parse("status 500", "err"));
        Assert.Equal(
            "parsing [f.cfg:12] : acl 'err' involves some response-only criteria which will be ignored.\n",
            AclWarnings.ResponseOnly(Parse("if local err"), "f.cfg", 12));
    }

    [Theory]
    [InlineData("if TRUE")]
    [InlineData("if METH_GET")]
    [InlineData("if { src 10.0.0.0/8 }")]
    public void ResponseOnly_RequestCriteria_GivesNull(string rule)
    {
        Assert.Null(AclWarnings.ResponseOnly(Parse(rule), "f.cfg", 1));
    }

    [Fact]
    public void ResponseOnly_NullCondition_GivesNull()
    {
        Assert.Null(AclWarnings.ResponseOnly(null, "f.cfg", 1));
        Assert.Null(AclWarnings.VolatileRequestOnly(null, "f.cfg", 1));
    }

    [Fact]
    public void VolatileRequestOnly_PathInResponseRule_GivesExactText()
    {
        _acls.Declare(_env.Parse("path_beg /api", "api"));
        Assert.Equal(
            "parsing [f.cfg:3] : acl 'api' involves some volatile request-only criteria which will be ignored.\n",
            AclWarnings.VolatileRequestOnly(Parse("if api"), "f.cfg", 3));
    }

    [Theory]
    [InlineData("if { status 200 }")]
    [InlineData("if { method GET }")]
    [InlineData("if { src 127.0.0.1 }")]
    [InlineData("if { nbsrv(be) lt 1 }")]
    public void VolatileRequestOnly_PermanentOrResponseCriteria_GivesNull(string rule)
    {
        Assert.Null(AclWarnings.VolatileRequestOnly(Parse(rule), "f.cfg", 1));
    }

    [Fact]
    public void ResponseOnly_AnonymousAcl_NamesItEmpty()
    {
        Assert.Equal(
            "parsing [f.cfg:1] : acl '' involves some response-only criteria which will be ignored.\n",
            AclWarnings.ResponseOnly(Parse("if { shdr(x) y }"), "f.cfg", 1));
    }
}
