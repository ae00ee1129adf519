using HaproxyNet.IO.Epoll;
using HaproxyNet.IO.Portable;

namespace HaproxyNet.IO.Tests;

public sealed class NetworkFactoryTests
{
    [Fact]
    public void Create_OnLinux_PicksEpoll()
    {
        var network = NetworkFactory.Create();
        try
        {
            Assert.Equal(OperatingSystem.IsLinux(), network is EpollNetwork);
        }
        finally
        {
            (network as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void Create_EpollDisabled_PicksSelect()
    {
        using var network = (SelectNetwork)NetworkFactory.Create(disableEpoll: true);
        Assert.Equal("select", network.Poller.Name);
    }
}
