using HaproxyNet.Config.Parsing.Values;
using HaproxyNet.Testing.Config;

namespace HaproxyNet.Config.Tests.Parsing.Values;

public class AddressGrammarTests
{
    private static readonly FixedConfigEnvironment Env = new();

    [Theory]
    [InlineData("127.0.0.1:8080", "127.0.0.1", 8080L, "8080")]
    [InlineData("127.0.0.1", "127.0.0.1", 0L, null)]
    [InlineData("*:80", "0.0.0.0", 80L, "80")]
    [InlineData(":+1000", "0.0.0.0", 1000L, "+1000")]
    [InlineData("localhost:-1", "127.0.0.1", -1L, "-1")]
    public void ParseServerAddress_HostAndPort_SplitAtLastColon(string text, string address, long port, string? portText)
    {
        var sa = AddressGrammar.ParseServerAddress(text, Env);
        Assert.NotNull(sa);
        Assert.Equal(address, sa.Address.ToString());
        Assert.Equal(port, sa.Port);
        Assert.Equal(portText, sa.PortText);
    }

    [Theory]
    [InlineData("backend1:80")]
    [InlineData("[::1]:80")]
    [InlineData("2001:db8::1:80")]
    public void ParseServerAddress_Unresolvable_ReturnsNull(string text)
    {
        Assert.Null(AddressGrammar.ParseServerAddress(text, Env));
    }

    [Fact]
    public void ParseSourceAddress_PortRange_ReturnsBothEnds()
    {
        var sa = AddressGrammar.ParseSourceAddress("10.0.0.1:1025-65000", Env, out var low, out var high);
        Assert.NotNull(sa);
        Assert.Equal(1025, low);
        Assert.Equal(65000, high);
    }

    [Fact]
    public void ParseServerAddress_CommaListAfterIpv4_ResolvesNumericPrefix()
    {
        // recorded: corpus 0022 passes with this server address
        var sa = AddressGrammar.ParseServerAddress("10.5.1.70:8000,10.5.1.70:80", Env);
        Assert.NotNull(sa);
        Assert.Equal("10.5.1.70", sa.Address.ToString());
        Assert.Equal(80, sa.Port);
    }
}
