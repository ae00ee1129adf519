using HaproxyNet.IO.Portable;

namespace HaproxyNet.IO.Tests.Portable;

public sealed class SelectPollerTests
{
    [Fact]
    public void Name_IsSelect()
    {
        using var network = new SelectNetwork();
        Assert.Equal("select", network.Poller.Name);
    }
}
