using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Tests.Parsing.Sections;

/// <summary><c>monitor-net</c> resolved into <c>ProxySection.MonitorNetwork</c> (1.4's mon_net/mon_mask).</summary>
public class ProxyParserMonitorNetTests
{
    private static (Config.ConfigLoadResult Result, string Stderr) Run(string body) => CheckRun.Run(CheckRun.Timeouts + body);

    [Theory]
    [InlineData("10.1.2.3", 0x0A010203u, 0xFFFFFFFFu)]
    [InlineData("10.1.2.255/24", 0x0A010200u, 0xFFFFFF00u)] // host bits flushed
    [InlineData("10.1.2.255/255.255.0.0", 0x0A010000u, 0xFFFF0000u)]
    [InlineData("0.0.0.0/0", 0u, 0u)]
    public void MonitorNet_Frontend_AddressMaskedHostOrder(string net, uint address, uint mask)
    {
        var (r, err) = Run("listen l 127.0.0.1:80\n monitor-net " + net + "\n server s 127.0.0.1:81\n");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(string.Empty, err);
        Assert.Equal(new AclIpv4Network(address, mask), r.Document!.Proxies[0].MonitorNetwork);
    }

    [Fact]
    public void MonitorNet_FromDefaults_Inherited()
    {
        var (r, _) = Run("defaults\n monitor-net 192.168.0.0/16\nfrontend f 127.0.0.1:80\n");

        Assert.Equal(new AclIpv4Network(0xC0A80000u, 0xFFFF0000u), r.Document!.Proxies[0].MonitorNetwork);
    }

    [Fact]
    public void MonitorNet_None_Null()
    {
        var (r, _) = Run("frontend f 127.0.0.1:80\n");

        Assert.Null(r.Document!.Proxies[0].MonitorNetwork);
    }
}
