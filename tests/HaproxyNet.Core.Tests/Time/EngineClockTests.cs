using HaproxyNet.Core.Time;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Time;

public class EngineClockTests
{
    [Fact]
    public void MsElapsed_SecondBoundary_TruncatesMicrosecondsTowardZero()
    {
        // 1.999500 -> 2.000400: 1000 + (-999100 / 1000 = -999) = 1, not floor(900 us) = 0.
        Assert.Equal(1, EngineClock.MsElapsed(1_999_500, 2_000_400));
        Assert.Equal(5000, EngineClock.MsElapsed(10_000_000, 15_000_000));
        Assert.Equal(5000, EngineClock.MsElapsed(10_000_001, 15_000_000)); // -1 us truncates to 0
        Assert.Equal(4999, EngineClock.MsElapsed(10_001_000, 15_000_000));
    }

    [Fact]
    public void Update_ReadsProviderOncePerInvalidation_NowFollowsTime()
    {
        var time = new ManualTimeProvider();
        var clock = new EngineClock(time);
        var t0 = clock.NowMs;
        time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(t0, clock.NowMs); // cached until invalidated

        clock.Invalidate(1000);
        clock.EnsureFresh(interrupted: false);

        Assert.Equal(t0 + 250, clock.NowMs);
    }

    [Fact]
    public void Update_ForwardJumpBeyondWaitPlusOneSecond_NowAdvancesByWaitOnly()
    {
        var time = new ManualTimeProvider();
        var clock = new EngineClock(time);
        var now0 = clock.NowUs;
        time.Advance(TimeSpan.FromSeconds(10));

        clock.Update(maxWaitMs: 100, interrupted: false);

        Assert.Equal(now0 + 100_000, clock.NowUs);
        Assert.Equal(time.NowUs, clock.DateUs); // the wall clock is still reported as is
    }

    [Fact]
    public void Update_ForwardJumpWithinWaitPlusOneSecond_NowFollowsDate()
    {
        var time = new ManualTimeProvider();
        var clock = new EngineClock(time);
        var now0 = clock.NowUs;
        time.Advance(TimeSpan.FromMilliseconds(1100));

        clock.Update(maxWaitMs: 100, interrupted: false);

        Assert.Equal(now0 + 1_100_000, clock.NowUs);
    }
}
