using HaproxyNet.Config;
using HaproxyNet.Core.Http;
using HaproxyNet.Testing.Config;

namespace HaproxyNet.Core.Tests.Http;

public class HttpUnperformedTests
{
    private static Config.Model.ProxySection Load(string body)
    {
        var text = "defaults\n    mode http\n    timeout client 1s\n    timeout server 1s\n    timeout connect 1s\n"
            + "listen l\n    bind 127.0.0.1:10001\n" + body + "    server s1 127.0.0.1:20001\n";
        var env = new InMemoryConfigEnvironment().With("x.cfg", text);
        var sink = new RecordingDiagnosticSink(string.Empty);
        var result = ConfigLoader.Load(["x.cfg"], new ConfigLoadOptions(), env, sink);
        Assert.True(result.IsValid, sink.Text);
        return Assert.Single(result.Document!.Proxies);
    }

    [Fact]
    public void Features_PlainHttpProxy_NothingUnperformed()
    {
        Assert.Empty(HttpUnperformed.Features(Load("    option httplog\n    option http-server-close\n")));
    }

    [Fact]
    public void Features_RulesAndCookies_NamedInOrder()
    {
        var s = Load("    acl a path_beg /a\n    block if a\n    redirect prefix /x if a\n    cookie SRV insert\n    option forwardfor\n");

        Assert.Equal(["block", "redirect", "cookie", "option forwardfor"], HttpUnperformed.Features(s));
    }
}
