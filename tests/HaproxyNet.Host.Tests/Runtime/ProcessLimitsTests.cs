using HaproxyNet.Config;
using HaproxyNet.Config.Model;
using HaproxyNet.Host.Runtime;
using HaproxyNet.Testing.Config;

namespace HaproxyNet.Host.Tests.Runtime;

/// <summary>maxsock as 1.4's init() computes it (CLI.md §3 step 1).</summary>
public class ProcessLimitsTests
{
    [Fact]
    public void MaxSock_OneListenerNoCheck_TenPlusListenerPlusTwiceMaxconn()
    {
        var doc = Load("listen l\n    bind 127.0.0.1:8000\n    server s1 127.0.0.1:9\n");

        Assert.Equal(10 + 1 + 2 * 2000, ProcessLimits.MaxSock(doc, 2000));
    }

    [Fact]
    public void MaxSock_PortRangeCheckedServersStatsSocketMaxpipes_EachCounted()
    {
        var doc = Load(
            "listen l\n    bind 127.0.0.1:8000-8002\n    server s1 127.0.0.1:9 check\n    server s2 127.0.0.1:10 check\n    server s3 127.0.0.1:11\n",
            "    stats socket /tmp/hnet-never-bound.sock\n    maxpipes 5\n");

        // 3 listeners, 2 checked servers, 1 stats socket, 2*maxconn, 2*maxpipes.
        Assert.Equal(10 + 3 + 2 + 1 + (2 * 100) + (2 * 5), ProcessLimits.MaxSock(doc, 100));
    }

    [Fact]
    public void MaxSock_DisabledProxy_StillCountedAsParsed()
    {
        var doc = Load("listen l\n    disabled\n    bind 127.0.0.1:8000\n    server s1 127.0.0.1:9 check\n");

        Assert.Equal(10 + 1 + 1 + 2, ProcessLimits.MaxSock(doc, 1));
    }

    private static ConfigDocument Load(string proxies, string global = "")
    {
        var text = "global\n" + global + "defaults\n    mode tcp\n    timeout connect 5s\n    timeout client 5s\n    timeout server 5s\n" + proxies;
        var result = ConfigLoader.Load(["haproxy.cfg"], new ConfigLoadOptions(), new InMemoryConfigEnvironment().With("haproxy.cfg", text), new CapturingSink());
        return result.Document ?? throw new InvalidOperationException("config did not load");
    }
}
