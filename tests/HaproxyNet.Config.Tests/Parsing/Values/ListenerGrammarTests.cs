using HaproxyNet.Config.Parsing.Values;
using HaproxyNet.Testing.Config;

namespace HaproxyNet.Config.Tests.Parsing.Values;

public class ListenerGrammarTests
{
    private static (bool Ok, List<ListenerAddress> Created, string Error) Parse(string text)
    {
        var created = new List<ListenerAddress>();
        var ok = ListenerGrammar.TryParse(text, new FixedConfigEnvironment(), created, out var error);
        return (ok, created, error);
    }

    [Fact]
    public void TryParse_ListWithRange_CreatesOneListenerPerPort()
    {
        var (ok, created, _) = Parse("127.0.0.1:80,*:8080-8082");
        Assert.True(ok);
        Assert.Equal([80, 8080, 8081, 8082], created.Select(c => c.Port));
    }

    [Fact]
    public void TryParse_UnbracketedIpv6_UsesLastColonForPort()
    {
        var (ok, created, _) = Parse(":::80");
        Assert.True(ok);
        Assert.Equal("::", created.Single().Address.ToString());
        Assert.Equal(80, created[0].Port);
    }

    [Fact]
    public void TryParse_ReversedRange_CreatesNothing()
    {
        var (ok, created, _) = Parse("127.0.0.1:8081-8080");
        Assert.True(ok);
        Assert.Empty(created);
    }

    [Theory]
    [InlineData("127.0.0.1:0", "Invalid port '0' specified for address '127.0.0.1'.\n")]
    [InlineData("127.0.0.1:65536", "Invalid port '65536' specified for address '127.0.0.1'.\n")]
    [InlineData("127.0.0.1:80-65536", "Invalid port '65536' specified for address '127.0.0.1'.\n")]
    [InlineData("127.0.0.1:80,127.0.0.2", "Missing port number: '127.0.0.2'\n")]
    [InlineData("nosuchhost:80", "Invalid server name: 'nosuchhost'\n")]
    [InlineData("1::2::3:80", "Invalid server address: '1::2::3'\n")]
    public void TryParse_BadElement_GivesUnprefixedAlert(string text, string error)
    {
        var r = Parse(text);
        Assert.False(r.Ok);
        Assert.Equal(error, r.Error);
    }

    [Theory]
    [InlineData("127.0.0.1:1")]
    [InlineData("127.0.0.1:65535")]
    public void TryParse_PortBoundaries_Accepted(string text)
    {
        Assert.True(Parse(text).Ok);
    }
}
