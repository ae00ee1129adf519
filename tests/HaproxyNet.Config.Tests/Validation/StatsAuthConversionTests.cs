using HaproxyNet.Config.Acl;
using HaproxyNet.Config.Model;
using HaproxyNet.Config.Model.Rules;

namespace HaproxyNet.Config.Tests.Validation;

/// <summary>CONFIG.md §5 step 12: <c>stats auth</c> users become an internal userlist and an implicit auth rule.</summary>
public class StatsAuthConversionTests
{
    private static ProxySection Load(string body, string name = "l")
    {
        var (result, err) = CheckRun.Run(CheckRun.Timeouts + " mode http\n" + body);
        Assert.Equal(string.Empty, err);
        Assert.True(result.IsValid);
        return result.Document!.Proxies.Single(p => p.Name == name);
    }

    [Fact]
    public void StatsAuth_TwoUsers_InternalUserlistInDeclarationOrder()
    {
        var p = Load("listen l 127.0.0.1:80\n stats enable\n stats auth admin:s3cr:et\n stats auth ops:pw\n");

        var list = p.Stats!.AuthUserList!;
        Assert.Equal(".internal-stats-userlist", list.Name);
        Assert.Equal(
            [new UserEntry("admin", "s3cr:et", true, []), new UserEntry("ops", "pw", true, [])],
            list.Users.Select(u => u with { Groups = [] }).ToList());
        Assert.All(list.Users, u => Assert.Empty(u.Groups));
        Assert.Empty(list.Groups);
    }

    [Fact]
    public void StatsAuth_WithRealm_AuthRuleUnlessAnonymousHttpAuth()
    {
        var p = Load("listen l 127.0.0.1:80\n stats enable\n stats realm Private\\ Area\n stats auth admin:pw\n");

        var rule = p.Stats!.AuthRule!;
        Assert.Equal(HttpRequestAction.Auth, rule.Action);
        Assert.Equal("Private Area", rule.Realm);
        var cond = rule.Condition!;
        Assert.Equal(AclConditionPolarity.Unless, cond.Polarity);
        var term = Assert.Single(Assert.Single(cond.Suites));
        Assert.False(term.Negated);
        Assert.True(term.Acl.IsAnonymous);
        var expr = Assert.Single(term.Acl.Expressions);
        Assert.Equal("http_auth", expr.Criterion.Name);
        Assert.Equal(".internal-stats-userlist", expr.Argument);
    }

    [Fact]
    public void StatsAuth_NoRealm_RuleWithoutRealm()
    {
        var p = Load("listen l 127.0.0.1:80\n stats enable\n stats auth admin:pw\n");

        Assert.Null(p.Stats!.AuthRule!.Realm);
    }

    [Fact]
    public void StatsWithoutAuth_NoUserlistNoRule()
    {
        var p = Load("listen l 127.0.0.1:80\n stats enable\n stats realm R\n");

        Assert.Null(p.Stats!.AuthUserList);
        Assert.Null(p.Stats.AuthRule);
    }

    [Fact]
    public void StatsAuthInDefaults_SharedByTwoProxies_OneRule()
    {
        var (result, err) = CheckRun.Run(CheckRun.Timeouts + " mode http\n stats enable\n stats auth a:b\n"
            + "listen l1 127.0.0.1:80\nlisten l2 127.0.0.1:81\n");

        Assert.Equal(string.Empty, err);
        var rules = result.Document!.Proxies.Select(p => p.Stats!.AuthRule).ToList();
        Assert.NotNull(rules[0]);
        Assert.Same(rules[0], rules[1]);
    }

    [Fact]
    public void StatsAuthAndHttpRequest_AlertNoRule()
    {
        var (result, err) = CheckRun.Run(CheckRun.Timeouts + " mode http\n"
            + "listen l 127.0.0.1:80\n stats enable\n stats auth a:b\n stats http-request allow\n");

        Assert.Equal(
            "[ALERT] proxy 'l': stats 'auth'/'realm' and 'http-request' can't be used at the same time.\n"
            + "[ALERT] Fatal errors found in configuration.\n",
            err);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void ExplicitAclOnInternalUserlist_ResolvesWhenStatsAuthExists()
    {
        var p = Load("listen l 127.0.0.1:80\n stats enable\n stats auth a:b\n acl ok http_auth(.internal-stats-userlist)\n block unless ok\n");

        Assert.NotNull(p.Stats!.AuthRule);
    }
}
