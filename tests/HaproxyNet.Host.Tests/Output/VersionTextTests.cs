using HaproxyNet.Host.Output;

namespace HaproxyNet.Host.Tests.Output;

public class VersionTextTests
{
    [Fact]
    public void Banner_Shape_TwoLinesThenEmptyLine()
    {
        var lines = VersionText.Banner.Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal("", lines[2]);
        Assert.Equal("", lines[3]);
    }

    [Fact]
    public void Banner_FirstLine_NamesHaproxyNetVersionAndDateLike14()
    {
        var first = VersionText.Banner.Split('\n')[0];
        Assert.Matches(@"^HaproxyNet version \d+\.\d+\.\d+ \d{4}/\d{2}/\d{2}$", first);
    }

    [Fact]
    public void Banner_SecondLine_SaysItImplements1425()
    {
        var second = VersionText.Banner.Split('\n')[1];
        Assert.Contains("HA-Proxy version 1.4.25 2014/03/27", second, StringComparison.Ordinal);
        Assert.Contains("not HAProxy", second, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildOptions_Shape_Sections14Order()
    {
        var text = VersionText.BuildOptions("X64", ".NET 10.0.0");
        var buildAt = text.IndexOf("Build options :\n  TARGET  = .NET 10.0.0\n  CPU     = x64\n", StringComparison.Ordinal);
        var defaultsAt = text.IndexOf("\n\nDefault settings :\n  maxconn = 2000, bufsize = 16384, maxrewrite = 8192, maxpollevents = 200\n\n", StringComparison.Ordinal);
        var cryptAt = text.IndexOf("Encrypted password support via crypt(3): ", StringComparison.Ordinal);
        var pollersAt = text.IndexOf("\nAvailable polling systems :\n      epoll : pref=300,  test result OK\nTotal: 1 (1 usable), will use epoll.\n\n", StringComparison.Ordinal);
        Assert.Equal(0, buildAt);
        Assert.True(defaultsAt > buildAt);
        Assert.True(cryptAt > defaultsAt);
        Assert.True(pollersAt > cryptAt);
        Assert.EndsWith("will use epoll.\n\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildOptions_OptionsLine_KeepsTrailingSpaceLike14() =>
        Assert.Contains("\n  OPTIONS = \n", VersionText.BuildOptions("Arm64", "x"), StringComparison.Ordinal);
}
