namespace HaproxyNet.Testing.Engine;

/// <summary>A virtual clock: time moves only when a test (or the simulated poller) advances it.</summary>
/// <remarks>Local time zone is UTC so log dates are deterministic.</remarks>
public sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now;

    public ManualTimeProvider(DateTimeOffset start)
    {
        _now = start;
    }

    /// <summary>2026-11-24 14:59:02.000 UTC, the seed recording's day.</summary>
    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 11, 24, 14, 59, 2, TimeSpan.Zero))
    {
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Microseconds since the Unix epoch.</summary>
    public long NowUs => (_now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), "time only moves forward here");
        }

        _now += delta;
    }

    /// <summary>Moves to an absolute time in microseconds since the epoch (never backwards).</summary>
    public void AdvanceToUs(long unixUs)
    {
        if (unixUs > NowUs)
        {
            _now = DateTimeOffset.UnixEpoch.AddTicks(unixUs * 10);
        }
    }
}
