namespace HaproxyNet.Core.Time;

/// <summary>
/// The engine's two clocks, read from an injected <see cref="TimeProvider"/> once per loop turn:
/// <c>date</c> (wall clock, for user-visible dates) and <c>now</c> (monotonic corrected copy, for timers and ticks).
/// </summary>
/// <remarks>HAProxy 1.4 <c>tv_update_date</c> (src/time.c). Times are kept in microseconds since the Unix epoch.</remarks>
public sealed class EngineClock
{
    private readonly TimeProvider _provider;
    private long _offsetUs;
    private bool _stale = true;
    private int _lastWaitMs;
    private bool _lastInterrupted;

    public EngineClock(TimeProvider provider)
    {
        _provider = provider;
        var us = ReadUs();
        DateUs = us;
        NowUs = us;
        NowMs = ToTick(us);
        _stale = false;
    }

    /// <summary>The provider time flows from (tests use a manual one).</summary>
    public TimeProvider Provider => _provider;

    /// <summary><c>date</c>: the raw wall clock at the last update, in microseconds since the epoch.</summary>
    public long DateUs { get; private set; }

    /// <summary><c>now</c>: monotonic corrected time in microseconds since the epoch.</summary>
    public long NowUs { get; private set; }

    /// <summary><c>now_ms</c>: <see cref="NowUs"/> in milliseconds, truncated to 32 bits.</summary>
    public int NowMs { get; private set; }

    /// <summary><c>now.tv_sec</c>.</summary>
    public long NowSeconds => NowUs / 1_000_000;

    /// <summary>Marks the cached time as old: the next <see cref="EnsureFresh"/> reads the provider again.</summary>
    /// <param name="waitMs">The time the poller may wait, used by the jump correction.</param>
    public void Invalidate(int waitMs)
    {
        _stale = true;
        _lastWaitMs = waitMs;
        _lastInterrupted = false;
    }

    /// <summary>Reads the provider if the loop invalidated the cache; I/O callbacks call this first.</summary>
    public void EnsureFresh(bool interrupted = true)
    {
        if (_stale)
        {
            _lastInterrupted = interrupted;
            Update(_lastWaitMs, _lastInterrupted);
        }
    }

    /// <summary>tv_update_date: refresh <c>date</c> and <c>now</c>, correcting backwards or too-large jumps.</summary>
    /// <param name="maxWaitMs">How long the poller was allowed to wait.</param>
    /// <param name="interrupted">True when the poll returned because of events (then a jump adds nothing).</param>
    public void Update(int maxWaitMs, bool interrupted)
    {
        var date = ReadUs();
        var adjusted = date + _offsetUs;
        var prev = NowUs;
        if (adjusted < prev || adjusted > prev + ((long)maxWaitMs + 1000) * 1000)
        {
            adjusted = prev + (interrupted ? 0 : (long)maxWaitMs * 1000);
            _offsetUs = adjusted - date;
        }

        DateUs = date;
        NowUs = adjusted;
        NowMs = ToTick(adjusted);
        _stale = false;
    }

    /// <summary>__tv_ms_elapsed: whole seconds times 1000 plus the microsecond difference truncated toward zero.</summary>
    public static long MsElapsed(long fromUs, long toUs)
    {
        var secDiff = Math.DivRem(toUs, 1_000_000L, out var toRem) - Math.DivRem(fromUs, 1_000_000L, out var fromRem);
        return (secDiff * 1000) + ((toRem - fromRem) / 1000);
    }

    private long ReadUs() => (_provider.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static int ToTick(long us) => unchecked((int)(us / 1000));
}
