namespace HaproxyNet.Config.Tests.Validation;

/// <summary>The ACL target step run through the loader (resolver over the parsed proxies and userlists).</summary>
public class AclTargetResolverTests
{
    private const string Head = CheckRun.Timeouts + " mode http\n";

    [Fact]
    public void FindServer_OtherBackendServer_Resolves()
    {
        var (result, err) = CheckRun.Run(Head + "backend be\n server s1 127.0.0.1:81\n"
            + "frontend fe 127.0.0.1:80\n acl up srv_is_up(be/s1)\n use_backend be if up\n");

        Assert.Equal(string.Empty, err);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void FindServer_FrontendOnlyNamed_UnableToFindProxy()
    {
        var (_, err) = CheckRun.Run(Head + "backend be\n server s1 127.0.0.1:81\n"
            + "frontend fe 127.0.0.1:80\n acl up srv_is_up(fe/s1)\n use_backend be if up\n");

        Assert.Equal(
            "[ALERT] proxy fe: acl up srv_is_up(): unable to find proxy 'fe'.\n"
            + "[ALERT] Fatal errors found in configuration.\n",
            err);
    }

    [Fact]
    public void FindServer_DuplicatedServer_FindserverAlertThenUnableToFind()
    {
        var (_, err) = CheckRun.Run(Head + "listen l 127.0.0.1:80\n server s1 127.0.0.1:81\n server s1 127.0.0.1:82\n"
            + " acl up srv_is_up(s1)\n block unless up\n");

        Assert.Equal(
            "[ALERT] Refusing to use duplicated server 's1' found in proxy: l!\n"
            + "[ALERT] proxy l: acl up srv_is_up(): unable to find server 's1'.\n"
            + "[ALERT] Fatal errors found in configuration.\n",
            err);
    }

    [Fact]
    public void FindUserlistGroups_SpaceSeparatedKnownGroups_NoAlert()
    {
        var (result, err) = CheckRun.Run(Head + "userlist u\n group adm\n group ops\n user a insecure-password x groups adm\n"
            + "listen l 127.0.0.1:80\n acl g http_auth_group(u) adm ops\n block unless g\n");

        Assert.Equal(string.Empty, err);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void FindUserlistGroups_CommaJoinedNames_OneUnknownGroup()
    {
        var (_, err) = CheckRun.Run(Head + "userlist u\n group adm\n group ops\n"
            + "listen l 127.0.0.1:80\n acl g http_auth_group(u) adm,ops\n block unless g\n");

        Assert.Equal(
            "[ALERT] No such group 'adm,ops' in userlist 'u'.\n"
            + "[ALERT] proxy l: acl g http_auth_group(): invalid group(s).\n"
            + "[ALERT] Fatal errors found in configuration.\n",
            err);
    }

    [Fact]
    public void FindUserlistGroups_UnknownUserlist_UnableToFindUserlist()
    {
        var (_, err) = CheckRun.Run(Head + "userlist u\n group adm\n"
            + "listen l 127.0.0.1:80\n acl g http_auth(v)\n block unless g\n");

        Assert.Equal(
            "[ALERT] proxy l: acl g http_auth(v): unable to find userlist.\n"
            + "[ALERT] Fatal errors found in configuration.\n",
            err);
    }
}
