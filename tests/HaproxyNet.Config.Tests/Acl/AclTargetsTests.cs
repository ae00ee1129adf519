using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Tests.Acl;

public class AclTargetsTests
{
    private readonly AclTestEnvironment _env = new();
    private readonly AclTable _acls = new();
    private readonly FakeResolver _resolver = new();

    private sealed class FakeResolver : IAclTargetResolver
    {
        public List<(string? Backend, string Server)> Lookups { get; } = [];

        public AclServerLookup FindServer(string? backendName, string serverName)
        {
            Lookups.Add((backendName, serverName));
            if (backendName is not null && backendName != "be")
            {
                return AclServerLookup.NoSuchProxy;
            }

            return serverName is "s1" or "s2" ? AclServerLookup.Found : AclServerLookup.NoSuchServer;
        }

        public IReadOnlyList<string>? FindUserlistGroups(string userlist) =>
            userlist == "users" ? ["admin", "ops"] : null;
    }

    private void Declare(string name, string line) => _acls.Declare(_env.Parse(line, name));

    private int Run() => AclTargets.FindTargets("fe", _acls, _resolver, _env);

    [Fact]
    public void FindTargets_AllResolved_NoAlert()
    {
        Declare("up", "srv_is_up(s1)");
        Declare("up2", "srv_is_up(be/s2)");
        Declare("auth", "http_auth(users)");
        Declare("grp", "http_auth_group(users) admin ops");
        Declare("other", "src 127.0.0.1");
        Assert.Equal(0, Run());
        Assert.Empty(_env.Alerts);
        Assert.Equal([(null, "s1"), ("be", "s2")], _resolver.Lookups);
    }

    [Theory]
    [InlineData("srv_is_up", "proxy fe: acl a srv_is_up(): missing server name.\n")]
    [InlineData("srv_is_up()", "proxy fe: acl a srv_is_up(): missing server name.\n")]
    [InlineData("srv_is_up(nope)", "proxy fe: acl a srv_is_up(): unable to find server 'nope'.\n")]
    [InlineData("srv_is_up(bx/s1)", "proxy fe: acl a srv_is_up(): unable to find proxy 'bx'.\n")]
    [InlineData("srv_is_up(/s1)", "proxy fe: acl a srv_is_up(): unable to find proxy ''.\n")]
    [InlineData("srv_is_up(be/)", "proxy fe: acl a srv_is_up(): unable to find server ''.\n")]
    [InlineData("http_auth", "proxy fe: acl a http_auth(): missing userlist name.\n")]
    [InlineData("http_auth(nope)", "proxy fe: acl a http_auth(nope): unable to find userlist.\n")]
    [InlineData("http_auth_group(nope) admin", "proxy fe: acl a http_auth_group(nope): unable to find userlist.\n")]
    [InlineData("http_auth_group(users)", "proxy fe: acl a http_auth_group(): no groups specified.\n")]
    public void FindTargets_Unresolved_AlertsExactly(string line, string alert)
    {
        Declare("a", line);
        Assert.Equal(1, Run());
        Assert.Equal([alert], _env.Alerts);
    }

    [Fact]
    public void FindTargets_ServerPathSplitsAtLastSlash()
    {
        Declare("a", "srv_is_up(x/be/s1)");
        Run();
        Assert.Equal([("x/be", "s1")], _resolver.Lookups);
    }

    [Fact]
    public void FindTargets_UnknownGroup_PrintsAuthThenAclAlert()
    {
        Declare("a", "http_auth_group(users) admin devs");
        Assert.Equal(1, Run());
        Assert.Equal(
            [
                "No such group 'devs' in userlist 'users'.\n",
                "proxy fe: acl a http_auth_group(): invalid group(s).\n",
            ],
            _env.Alerts);
    }

    [Fact]
    public void FindTargets_SeveralBadAcls_CountsEachInTableOrder()
    {
        Declare("b", "srv_is_up(zz)");
        Declare("a", "http_auth(nope)");
        Declare("b", "srv_is_up(yy)");
        Assert.Equal(3, Run());
        Assert.Equal(
            [
                "proxy fe: acl b srv_is_up(): unable to find server 'zz'.\n",
                "proxy fe: acl b srv_is_up(): unable to find server 'yy'.\n",
                "proxy fe: acl a http_auth(nope): unable to find userlist.\n",
            ],
            _env.Alerts);
    }

    [Fact]
    public void FindTargets_AnonymousAcl_IsCheckedWithEmptyName()
    {
        Assert.True(AclConditionParser.TryParse(
            AclTestEnvironment.Split("unless { http_auth(nope) }"), 0, _acls, _env.Context, out _));
        Assert.Equal(1, Run());
        Assert.Equal(["proxy fe: acl  http_auth(nope): unable to find userlist.\n"], _env.Alerts);
    }
}
