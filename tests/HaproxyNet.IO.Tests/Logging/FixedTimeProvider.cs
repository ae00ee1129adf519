namespace HaproxyNet.IO.Tests.Logging;

/// <summary>A clock that moves only when told, in a chosen local time zone.</summary>
internal sealed class FixedTimeProvider : TimeProvider
{
    private readonly TimeZoneInfo _zone;
    private DateTimeOffset _utc;

    public FixedTimeProvider(DateTimeOffset utc, TimeZoneInfo? zone = null)
    {
        _utc = utc;
        _zone = zone ?? TimeZoneInfo.Utc;
    }

    public override TimeZoneInfo LocalTimeZone => _zone;

    public override DateTimeOffset GetUtcNow() => _utc;

    public void Advance(TimeSpan by) => _utc += by;

    /// <summary>A zone with a fixed offset and no daylight saving.</summary>
    public static TimeZoneInfo Zone(int hours) =>
        TimeZoneInfo.CreateCustomTimeZone("test" + hours, TimeSpan.FromHours(hours), "test" + hours, "test" + hours);
}
