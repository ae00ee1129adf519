using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Tests.Time;

/// <summary>freq_ctr.c arithmetic: per-second rotation and the truncating previous-second weight.</summary>
public class FreqCounterTests
{
    /// <summary>A second boundary well inside 32-bit seconds.</summary>
    private const long Sec = 1_700_000_000L * 1_000_000;

    private static long At(int second, int ms, int us = 0) => Sec + (second * 1_000_000L) + (ms * 1000L) + us;

    private static FreqCounter WithPrevious(uint events)
    {
        var c = new FreqCounter();
        c.Update(events, At(0, 300));
        return c;
    }

    [Fact]
    public void Update_SameSecond_Accumulates()
    {
        var c = new FreqCounter();
        c.Update(1, At(0, 0));
        c.Update(2, At(0, 999, 999));

        Assert.Equal(3u, c.CurrCtr);
        Assert.Equal(0u, c.PrevCtr);
    }

    [Fact]
    public void Update_NextSecond_CurrentBecomesPrevious()
    {
        var c = WithPrevious(7);
        c.Update(1, At(1, 0));

        Assert.Equal(7u, c.PrevCtr);
        Assert.Equal(1u, c.CurrCtr);
    }

    [Fact]
    public void Update_SecondMissed_PreviousIsZero()
    {
        var c = WithPrevious(7);
        c.Update(1, At(2, 0));

        Assert.Equal(0u, c.PrevCtr);
        Assert.Equal(1u, c.CurrCtr);
    }

    [Theory]
    // weight = (prev * ~(ms * 4294971)) >> 32, truncated: ms 0 already loses one event, half a second keeps 4 of 10.
    [InlineData(0, 9u)]
    [InlineData(1, 9u)]
    [InlineData(100, 8u)]
    [InlineData(500, 4u)]
    [InlineData(998, 0u)]
    [InlineData(999, 0u)]
    public void Read_PreviousSecondOfTen_WeightedByMillisecondsLeft(int ms, uint expected)
    {
        var c = WithPrevious(10);

        Assert.Equal(expected, c.Read(At(1, ms)));
    }

    [Fact]
    public void Read_PreviousOfThousandAtMs1_Truncates()
    {
        var c = WithPrevious(1000);

        // 1000 * 0.999 = 999 exactly in reals, 998 with 1.4's scale and truncation.
        Assert.Equal(998u, c.Read(At(1, 1)));
    }

    [Fact]
    public void Read_OneEventLastSecondNoneNow_ReadsOneAllSecondLong()
    {
        var c = WithPrevious(1);

        Assert.Equal(1u, c.Read(At(1, 0)));
        Assert.Equal(1u, c.Read(At(1, 999)));
    }

    [Fact]
    public void Read_CurrentAndPrevious_Adds()
    {
        var c = WithPrevious(10);
        c.Update(3, At(1, 500));

        Assert.Equal(7u, c.Read(At(1, 500)));
    }

    [Fact]
    public void Read_TwoSecondsLater_IsZero()
    {
        var c = WithPrevious(10);

        Assert.Equal(0u, c.Read(At(2, 0)));
    }

    [Fact]
    public void Remain_BelowAndAtLimit_CountsFreeSlots()
    {
        var c = new FreqCounter();
        c.Update(9, At(0, 10));
        Assert.Equal(1u, c.Remain(10, 0, At(0, 10)));
        Assert.Equal(0u, c.Remain(10, 1, At(0, 10)));

        c.Update(1, At(0, 20));
        Assert.Equal(0u, c.Remain(10, 0, At(0, 20)));
    }

    [Theory]
    // Ten sessions in second 0, limit 10: the weight of the previous second frees slots as second 1 goes by.
    [InlineData(0, 1u)]
    [InlineData(99, 1u)]
    [InlineData(100, 2u)]
    [InlineData(500, 6u)]
    [InlineData(999, 10u)]
    public void Remain_AfterFullSecond_FreesWithTheWeight(int ms, uint expected)
    {
        var c = WithPrevious(10);

        Assert.Equal(expected, c.Remain(10, 0, At(1, ms)));
    }

    [Fact]
    public void NextEventDelay_BelowLimit_IsZero()
    {
        var c = new FreqCounter();
        c.Update(9, At(0, 0));

        Assert.Equal(0u, c.NextEventDelay(10, 0, At(0, 0)));
    }

    [Theory]
    [InlineData(10u, 10u, 99u)] // 999 / 10
    [InlineData(3u, 3u, 333u)]
    [InlineData(1u, 1u, 999u)]
    [InlineData(2000u, 1000u, 1u)] // 999 / 2000 = 0, at least 1 ms
    public void NextEventDelay_AtOrAboveLimit_Is999OverCurrent(uint events, uint freq, uint expected)
    {
        var c = new FreqCounter();
        c.Update(events, At(0, 0));

        Assert.Equal(expected, c.NextEventDelay(freq, 0, At(0, 0)));
    }

    [Fact]
    public void NextEventDelay_ReadRotates_LikeOneFour()
    {
        var c = WithPrevious(10);

        // Second 1, ms 0: 9 weighted events < 10, no wait; the read rotated the counter.
        Assert.Equal(0u, c.NextEventDelay(10, 0, At(1, 0)));
        Assert.Equal(10u, c.PrevCtr);
        Assert.Equal(0u, c.CurrCtr);
    }
}
