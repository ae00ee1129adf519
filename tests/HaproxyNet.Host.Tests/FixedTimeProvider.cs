namespace HaproxyNet.Host.Tests;

/// <summary>A clock stopped at one instant, in a chosen local time zone.</summary>
internal sealed class FixedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _utcNow;
    private readonly TimeZoneInfo _zone;

    public FixedTimeProvider(DateTimeOffset utcNow, TimeSpan localOffset)
    {
        _utcNow = utcNow.ToUniversalTime();
        _zone = TimeZoneInfo.CreateCustomTimeZone("test", localOffset, "test", "test");
    }

    public override DateTimeOffset GetUtcNow() => _utcNow;

    public override TimeZoneInfo LocalTimeZone => _zone;
}
