using HaproxyNet.Config.Parsing.Values;
using HaproxyNet.Testing.Config;

namespace HaproxyNet.Config.Tests.Parsing.Values;

public class NetworkGrammarTests
{
    private static readonly FixedConfigEnvironment Env = new();

    [Theory]
    [InlineData("10.0.0.0/8", "255.0.0.0")]
    [InlineData("10.0.0.0/255.255.0.0", "255.255.0.0")]
    [InlineData("10.0.0.1", "255.255.255.255")]
    [InlineData("10.0.0.0/0", "0.0.0.0")]
    [InlineData("10.0.0.0/32", "255.255.255.255")]
    public void TryParse_MaskForms_GiveMask(string text, string mask)
    {
        Assert.True(NetworkGrammar.TryParse(text, Env, out _, out var m));
        Assert.Equal(mask, m.ToString());
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/8x")]
    [InlineData("nosuchhost/8")]
    [InlineData("")]
    public void TryParse_BadNetwork_Fails(string text)
    {
        Assert.False(NetworkGrammar.TryParse(text, Env, out _, out _));
    }
}
