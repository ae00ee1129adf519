using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.Tests.Proxies;

/// <summary>port_range_alloc_port / port_range_release_port.</summary>
public class SourcePortRangeTests
{
    [Fact]
    public void Allocate_InOrderUntilExhausted_ThenZero()
    {
        var r = new SourcePortRange(5000, 5002);

        Assert.Equal([5000, 5001, 5002], new[] { r.Allocate(), r.Allocate(), r.Allocate() });
        Assert.Equal(0, r.Allocate());
        Assert.Equal(0, r.Available);
    }

    [Fact]
    public void Release_GoesToTheEndOfTheRing()
    {
        var r = new SourcePortRange(5000, 5002);
        var first = r.Allocate();
        r.Release(first);

        Assert.Equal([5001, 5002, 5000], new[] { r.Allocate(), r.Allocate(), r.Allocate() });
    }

    [Fact]
    public void Release_ZeroPort_Ignored()
    {
        var r = new SourcePortRange(5000, 5000);
        r.Allocate();
        r.Release(0);

        Assert.Equal(0, r.Available);
        Assert.Equal(0, r.Allocate());
    }

    [Fact]
    public void SinglePortRange_OnePortReusedAfterRelease()
    {
        var r = new SourcePortRange(5000, 5000);

        Assert.Equal(5000, r.Allocate());
        r.Release(5000);
        Assert.Equal(5000, r.Allocate());
    }
}
