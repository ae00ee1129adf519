using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Sessions.ConfigHarness;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>rate-limit sessions: event_accept's budget and maintain_proxies' block and wake-up.</summary>
public partial class EventAcceptTests
{
    /// <summary>Ten clients at t=0 (a second boundary) holding their connection 5 s.</summary>
    private static EngineHarness RateLimited(int limit, int clients = 10)
    {
        var h = Build("rate-limit sessions " + limit);
        for (var i = 0; i < clients; i++)
        {
            h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(5000)], SimCloseMode.Close);
        }

        h.Start();
        return h;
    }

    /// <summary>Virtual ms (since start) at which the n-th session was accepted, read from the trace-free counters.</summary>
    private static List<long> AcceptTimes(EngineHarness h, long untilMs)
    {
        var times = new List<long>();
        var seen = h.Loop.TotalConn;
        for (var i = 0; i < seen; i++)
        {
            times.Add(h.ElapsedMs);
        }

        while (h.ElapsedMs < untilMs)
        {
            h.RunUntil(() => h.Loop.TotalConn > seen, untilMs - h.ElapsedMs);
            for (; seen < h.Loop.TotalConn; seen++)
            {
                times.Add(h.ElapsedMs);
            }
        }

        return times;
    }

    [Fact]
    public void Accept_RateLimitThree_AcceptsThreeThenBlocksListener()
    {
        var h = RateLimited(3);
        h.Settle(); // the next maintain_proxies sees the budget spent

        var fe = Frontend(h);
        Assert.Equal(3, h.Loop.TotalConn);
        Assert.Equal(ProxyState.Idle, fe.State);
        Assert.Equal(ListenerState.Listen, fe.Listeners[0].State);
    }

    [Fact]
    public void Accept_RateLimit_ResumesAtTheComputedSlots()
    {
        var h = RateLimited(3);

        var times = AcceptTimes(h, 2600);

        // Worked by hand with freq_ctr.c and the loop's "timer + 1 ms" poll:
        // t=0: budget 3, three accepts; cur = 3 = limit -> wait 999/3 = 333, wake at 334, 668, 1002 (each still 3).
        // t=1002 (ms 2 of the next second): prev 3 weighs (3 * ~(2 * 4294971)) >> 32 = 2 -> one slot, one accept,
        //   cur 3 again -> wake at 1336: 3 weighs 1, cur 1 + 1 = 2 -> one accept; 1670: weighs 0, cur 2 -> one;
        //   2004 (new second, prev = 3 weighs 2) -> one; 2338 -> one.
        Assert.Equal([0L, 0, 0, 1002, 1336, 1670, 2004, 2338], times);
    }

    [Fact]
    public void Accept_RateLimit_ListenerStaysOffUntilTheSlot()
    {
        var h = RateLimited(3);
        h.RunUntilMs(999); // last ms of the first second: 3 of 3 still counted
        Assert.Equal(3, h.Loop.TotalConn);
        Assert.Equal(ListenerState.Listen, Frontend(h).Listeners[0].State);

        // The turn at 999 re-estimated the slot (999 / 3 = 333 ms): the next accept is at 999 + 333 + 1.
        Assert.True(h.RunUntil(() => h.Loop.TotalConn > 3, 2000));
        Assert.Equal(1333, h.ElapsedMs);
    }

    [Fact]
    public void Accept_RateLimitSecondBoundary_PreviousSecondWeighsOneLessAtMsZero()
    {
        var h = RateLimited(3);
        h.RunUntilMs(1000); // woken at ms 0 of the next second: 3 weighs (3 * 0xFFFFFFFF) >> 32 = 2

        Assert.Equal(4, h.Loop.TotalConn);
    }

    [Fact]
    public void Accept_RateLimitAboveArrivals_AcceptsAllAtOnce()
    {
        var h = RateLimited(10);
        h.Settle();

        var fe = Frontend(h);
        Assert.Equal(10, h.Loop.TotalConn);
        Assert.Equal(10u, fe.FeSpsMax);
        Assert.Equal(ProxyState.Idle, fe.State); // 10 of 10 used: blocked for 99 ms
    }

    [Fact]
    public void Accept_NoRateLimit_CountsSessionRateAnyway()
    {
        var h = Build(string.Empty);
        for (var i = 0; i < 4; i++)
        {
            h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(100)], SimCloseMode.Close);
        }

        h.Start();
        h.Settle();

        var fe = Frontend(h);
        Assert.Equal(4u, fe.FeSessPerSec.Read(h.Loop.Clock.NowUs));
        Assert.Equal(ProxyState.Run, fe.State);
    }

    [Fact]
    public void Accept_RateLimitedThenPausedAndResumed_KeepsBothRules()
    {
        // A pause resets the clients waiting in the backlog (the socket leaves LISTEN), so the later ones come after
        // the resume.
        var h = Build("rate-limit sessions 3");
        for (var i = 0; i < 10; i++)
        {
            h.AddClient(Fe, i < 3 ? 0 : 3100, [new SimClientAction.HoldUntil(5000)], SimCloseMode.Close);
        }

        h.Start();
        h.Settle();
        h.Loop.RaiseSignal(EngineSignal.Pause);
        h.RunUntilMs(3000);
        var fe = Frontend(h);
        Assert.Equal(ProxyState.Paused, fe.State);
        Assert.Equal(3, h.Loop.TotalConn);

        h.Loop.RaiseSignal(EngineSignal.Resume);
        h.RunUntilMs(3101);
        Assert.Equal(6, h.Loop.TotalConn); // three free slots after two quiet seconds
        Assert.Equal(ProxyState.Idle, fe.State); // and blocked again by the rate limit
    }
}
