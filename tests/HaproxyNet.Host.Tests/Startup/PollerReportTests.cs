using HaproxyNet.Host.Cli;
using HaproxyNet.Host.Startup;

namespace HaproxyNet.Host.Tests.Startup;

public class PollerReportTests
{
    [Fact]
    public void Format_NothingDisabled_EpollChosenIn14Layout() =>
        Assert.Equal(
            "Available polling systems :\n      epoll : pref=300,  test result OK\nTotal: 1 (1 usable), will use epoll.\n",
            PollerReport.Format(DisabledPollers.None));

    [Fact]
    public void Format_EpollDisabled_DisabledAndNoneChosen() =>
        Assert.Equal(
            "Available polling systems :\n      epoll : disabled,  test result OK\nTotal: 1 (0 usable), will use none.\n",
            PollerReport.Format(DisabledPollers.Epoll));

    [Theory]
    [InlineData(DisabledPollers.SpeculativeEpoll)]
    [InlineData(DisabledPollers.Poll)]
    [InlineData(DisabledPollers.SpeculativeEpoll | DisabledPollers.Poll)]
    public void Format_MechanismsNotInThisBuild_NoChange(DisabledPollers disabled)
    {
        Assert.Equal(PollerReport.Format(DisabledPollers.None), PollerReport.Format(disabled));
        Assert.True(PollerReport.IsUsable(disabled));
    }

    [Fact]
    public void IsUsable_EpollDisabledAmongOthers_False() =>
        Assert.False(PollerReport.IsUsable(DisabledPollers.Epoll | DisabledPollers.Poll));

    [Fact]
    public void UsingLine_Text_Like14() => Assert.Equal("Using epoll() as the polling mechanism.\n", PollerReport.UsingLine);
}
