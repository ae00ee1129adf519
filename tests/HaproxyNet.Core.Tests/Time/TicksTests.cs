using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Tests.Time;

public class TicksTests
{
    [Fact]
    public void Add_SumIsZero_ReturnsOne()
    {
        Assert.Equal(1, Ticks.Add(-5, 5));
        Assert.Equal(7, Ticks.Add(2, 5));
    }

    [Fact]
    public void AddIfSet_ZeroTimeout_ReturnsEternity()
    {
        Assert.Equal(Ticks.Eternity, Ticks.AddIfSet(100, 0));
        Assert.Equal(1100, Ticks.AddIfSet(100, 1000));
    }

    [Theory]
    [InlineData(1000, 999, false)]
    [InlineData(1000, 1000, true)]
    [InlineData(1000, 1001, true)]
    [InlineData(0, 5000, false)]
    public void IsExpired_AroundTheTick_ExpiresAtTheTickNotBefore(int tick, int now, bool expired)
    {
        Assert.Equal(expired, Ticks.IsExpired(tick, now));
    }

    [Fact]
    public void IsExpired_AcrossWrap_UsesSignedDifference()
    {
        var before = int.MaxValue - 10;
        var after = Ticks.Add(before, 20); // wrapped to a negative value
        Assert.True(after < 0);
        Assert.False(Ticks.IsExpired(after, before));
        Assert.True(Ticks.IsExpired(before, after));
        Assert.True(Ticks.IsLt(before, after));
    }

    [Fact]
    public void First_IgnoresEternity_ReturnsEarliest()
    {
        Assert.Equal(5, Ticks.First(Ticks.Eternity, 5));
        Assert.Equal(5, Ticks.First(5, Ticks.Eternity));
        Assert.Equal(3, Ticks.First(5, 3));
        Assert.Equal(Ticks.Eternity, Ticks.First(Ticks.Eternity, Ticks.Eternity));
    }

    [Fact]
    public void Remain_PastTick_ReturnsZero()
    {
        Assert.Equal(0, Ticks.Remain(100, 90));
        Assert.Equal(10, Ticks.Remain(90, 100));
    }
}
