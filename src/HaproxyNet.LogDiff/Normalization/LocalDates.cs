using System.Globalization;

namespace HaproxyNet.LogDiff.Normalization;

/// <summary>Checks that the local-time dates HAProxy writes fall inside a run.</summary>
/// <remarks>
/// The syslog header date (<c>Mmm dd hh:mm:ss</c>, no year) and the accept date (<c>dd/Mmm/yyyy:hh:mm:ss.mmm</c>)
/// are both local time (log.c <c>send_log</c>, <c>tcp_sess_log</c>). A date is accepted within 5 s of the run.
/// </remarks>
internal static class LocalDates
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>True when <c>Mmm dd hh:mm:ss</c> in the run's year (or the next one) falls inside the run.</summary>
    public static bool SyslogDateInRun(string month, string day, string time, RunDescription run)
    {
        var year = TimeZoneInfo.ConvertTime(run.StartTime, TimeZoneInfo.Local).Year;
        return InRun(ToInstant(year, month, day, time, 0), run) || InRun(ToInstant(year + 1, month, day, time, 0), run);
    }

    /// <summary>True when an accept date <c>dd/Mmm/yyyy:hh:mm:ss.mmm</c> falls inside the run.</summary>
    public static bool AcceptDateInRun(string date, RunDescription run)
    {
        // The caller's pattern guarantees dd/Mmm/yyyy:hh:mm:ss.mmm.
        var day = date[..2];
        var month = date[3..6];
        var year = int.Parse(date.AsSpan(7, 4), CultureInfo.InvariantCulture);
        var time = date[12..20];
        var ms = int.Parse(date.AsSpan(21, 3), CultureInfo.InvariantCulture);
        return InRun(ToInstant(year, month, day, time, ms), run);
    }

    private static bool InRun(DateTimeOffset? instant, RunDescription run) =>
        instant is { } t && t >= run.StartTime - Slack && t <= run.EndTime + Slack;

    private static DateTimeOffset? ToInstant(int year, string month, string day, string time, int ms)
    {
        var monthNumber = Array.IndexOf(Months, month) + 1;
        if (monthNumber == 0
            || !int.TryParse(day.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !TimeOnly.TryParseExact(time, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var hms)
            || year < 1 || year > 9998 || d < 1 || d > DateTime.DaysInMonth(year, monthNumber))
        {
            return null;
        }

        var local = new DateTime(year, monthNumber, d, hms.Hour, hms.Minute, hms.Second, ms, DateTimeKind.Unspecified);
        var zone = TimeZoneInfo.Local;
        if (zone.IsInvalidTime(local))
        {
            // A time skipped by a DST change: mktime moves it forward by the gap; an hour is close enough here.
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
