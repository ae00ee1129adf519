using HaproxyNet.Config.Lint;

namespace HaproxyNet.Config.Tests.Lint;

public class QueueTimeoutSourceTests
{
    private static QueueTimeoutOrigin Resolve(string config, string proxy = "l")
    {
        var doc = LintLoad.Text(config);
        return QueueTimeoutSource.Resolve(doc.FindProxy(proxy, Model.ProxyCapabilities.Backend)!, doc.Defaults);
    }

    [Fact]
    public void Resolve_OnlyConnectInDefaults_IsConnectFallback()
    {
        var origin = Resolve("defaults\n timeout connect 5s\nlisten l 127.0.0.1:8000\n");
        Assert.Equal(QueueTimeoutOrigin.ConnectFallback, origin);
    }

    [Fact]
    public void Resolve_TimeoutQueueInProxy_IsTimeoutQueue()
    {
        var origin = Resolve("defaults\n timeout connect 5s\nlisten l 127.0.0.1:8000\n timeout queue 2s\n");
        Assert.Equal(QueueTimeoutOrigin.TimeoutQueue, origin);
    }

    [Fact]
    public void Resolve_TimeoutQueueInDefaultsEqualToConnect_IsTimeoutQueue()
    {
        var origin = Resolve("defaults\n timeout connect 5s\n timeout queue 5s\nlisten l 127.0.0.1:8000\n");
        Assert.Equal(QueueTimeoutOrigin.TimeoutQueue, origin);
    }

    [Fact]
    public void Resolve_NoTimeoutAtAll_IsNone()
    {
        var origin = Resolve("listen l 127.0.0.1:8000\n");
        Assert.Equal(QueueTimeoutOrigin.None, origin);
    }

    [Fact]
    public void Resolve_ConnectOnlyInLastDefaults_IsDefaultsConnectFallback()
    {
        // The listen inherits from the first defaults (no connect); the fallback reads the last one.
        var origin = Resolve("defaults\nlisten l 127.0.0.1:8000\ndefaults\n timeout connect 3s\n");
        Assert.Equal(QueueTimeoutOrigin.DefaultsConnectFallback, origin);
    }
}
