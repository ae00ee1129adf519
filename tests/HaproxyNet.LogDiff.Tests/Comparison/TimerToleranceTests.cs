using HaproxyNet.LogDiff.Comparison;

namespace HaproxyNet.LogDiff.Tests.Comparison;

public class TimerToleranceTests
{
    [Theory]
    [InlineData("5000", "4000", true)]
    [InlineData("5000", "3999", false)]
    [InlineData("5000", "6000", true)]
    [InlineData("5000", "6001", false)]
    [InlineData("0", "100", true)]
    [InlineData("0", "101", false)]
    [InlineData("100", "0", true)]
    [InlineData("500", "600", true)]
    [InlineData("500", "601", false)]
    [InlineData("501", "601", true)]
    public void Matches_SetTimers_AllowMaxOf100MsAnd20Percent(string expected, string actual, bool matches)
    {
        Assert.Equal(matches, TimerTolerance.Default.Matches(expected, actual));
    }

    [Theory]
    [InlineData("-1", "-1", true)]
    [InlineData("-1", "0", false)]
    [InlineData("0", "-1", false)]
    [InlineData("-1", "50", false)]
    public void Matches_UnsetTimer_OnlyMatchesUnset(string expected, string actual, bool matches)
    {
        Assert.Equal(matches, TimerTolerance.Default.Matches(expected, actual));
    }

    [Theory]
    [InlineData("+0", "+5", true)]
    [InlineData("+0", "0", false)]
    [InlineData("5", "+5", false)]
    [InlineData("+1000", "+1200", true)]
    [InlineData("+1000", "+1201", false)]
    public void Matches_LogasapPrefix_MustAgree(string expected, string actual, bool matches)
    {
        Assert.Equal(matches, TimerTolerance.Default.Matches(expected, actual));
    }

    [Fact]
    public void Matches_CustomTolerance_UsesItsBounds()
    {
        var strict = new TimerTolerance(AbsoluteMs: 0, Relative: 0);

        Assert.True(strict.Matches("7000", "7000"));
        Assert.False(strict.Matches("7000", "7001"));
    }

    [Fact]
    public void AllowedMs_SmallAndLargeValues_PicksTheLarger()
    {
        Assert.Equal(100, TimerTolerance.Default.AllowedMs(499));
        Assert.Equal(100, TimerTolerance.Default.AllowedMs(500));
        Assert.Equal(1000.2, TimerTolerance.Default.AllowedMs(5001), 6);
    }
}
