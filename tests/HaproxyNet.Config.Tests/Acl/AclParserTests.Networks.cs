using System.Net;
using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Tests.Acl;

public partial class AclParserTests
{
    private AclIpv4Network Network(string line) => _env.Parse(line).Patterns[0].Network;

    [Theory]
    [InlineData("src 10.0.0.1", 0x0A000001u, 0xFFFFFFFFu)]
    [InlineData("src 10.0.0.0/8", 0x0A000000u, 0xFF000000u)]
    [InlineData("src 10.1.2.3/8", 0x0A010203u, 0xFF000000u)]
    [InlineData("src 10.0.0.0/255.0.0.0", 0x0A000000u, 0xFF000000u)]
    [InlineData("src 10.0.0.0/255.0.255.0", 0x0A000000u, 0xFF00FF00u)]
    [InlineData("src 0.0.0.0/0", 0u, 0u)]
    [InlineData("src 1.2.3.4/32", 0x01020304u, 0xFFFFFFFFu)]
    [InlineData("src 1.2.3.4/+8", 0x01020304u, 0xFF000000u)]
    [InlineData("dst 255.255.255.255/1", 0xFFFFFFFFu, 0x80000000u)]
    public void TryParse_Ipv4_ParsesAddressAndMask(string line, uint address, uint mask)
    {
        Assert.Equal(new AclIpv4Network(address, mask), Network(line));
    }

    [Theory]
    [InlineData("src 10.0.0.0/33")]
    [InlineData("src 10.0.0.0/-1")]
    [InlineData("src 10.0.0.0/")]
    [InlineData("src 10.0.0.0/abc")]
    [InlineData("src 10.0.0.0/8x")]
    [InlineData("src 10.0.0.0/255.0.0")]
    [InlineData("src 256.0.0.1")]
    [InlineData("src nosuchhost")]
    [InlineData("src 010.0.0.1")]
    [InlineData("src 1.2.3")]
    public void TryParse_BadIpv4_Fails(string line)
    {
        Assert.False(_env.TryParse(line));
    }

    [Fact]
    public void TryParse_HostName_IsResolvedThroughEnvironment()
    {
        _env.Hosts["backend.local"] = IPAddress.Parse("192.0.2.7");
        Assert.Equal(new AclIpv4Network(0xC0000207u, 0xFFFFFF00u), Network("src backend.local/24"));
    }

    [Fact]
    public void TryParse_HostResolvingToIpv6_Fails()
    {
        _env.Hosts["v6.local"] = IPAddress.IPv6Loopback;
        Assert.False(_env.TryParse("src v6.local"));
    }

    [Fact]
    public void TryParse_ShortNumericForm_GoesThroughResolver()
    {
        // inet_pton rejects "127.1"; gethostbyname (glibc) would accept it, the environment decides.
        Assert.False(_env.TryParse("src 127.1"));
        _env.Hosts["127.1"] = IPAddress.Parse("127.0.0.1");
        Assert.Equal(new AclIpv4Network(0x7F000001u, 0xFFFFFFFFu), Network("src 127.1"));
    }
}
