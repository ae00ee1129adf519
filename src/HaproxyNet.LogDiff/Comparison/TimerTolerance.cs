using System.Globalization;

namespace HaproxyNet.LogDiff.Comparison;

/// <summary>How far a timer may drift from the recorded value: <c>max(AbsoluteMs, Relative * expected)</c>.</summary>
/// <remarks>
/// Timers (<c>Tq Tw Tc Tr Tt</c>, check durations) measure real time, so two runs never agree to the millisecond;
/// the default <c>max(100 ms, 20 %)</c> is the shared harness's, wide enough for scheduling noise and narrow
/// enough that a 5000 ms queue timeout must show between 4000 and 6000.
/// </remarks>
public sealed record TimerTolerance(int AbsoluteMs = TimerTolerance.DefaultAbsoluteMs, double Relative = TimerTolerance.DefaultRelative)
{
    public const int DefaultAbsoluteMs = 100;
    public const double DefaultRelative = 0.20;

    public static TimerTolerance Default { get; } = new();

    /// <summary>The allowed difference in ms around <paramref name="expectedMs"/>.</summary>
    public double AllowedMs(long expectedMs) => Math.Max(AbsoluteMs, Relative * Math.Abs(expectedMs));

    /// <summary>
    /// True when both timers are -1 (never reached), or both are set, carry the same <c>+</c> prefix (logasap)
    /// and differ by at most <see cref="AllowedMs"/>. A value that is not a number only matches itself.
    /// </summary>
    public bool Matches(string expected, string actual)
    {
        if (expected.StartsWith('+') != actual.StartsWith('+'))
        {
            return false;
        }

        if (!TryParseTimer(expected, out var e) || !TryParseTimer(actual, out var a))
        {
            return expected == actual;
        }

        if (e < 0 || a < 0)
        {
            return e == a;
        }

        return Math.Abs(e - a) <= AllowedMs(e);
    }

    /// <summary>Parses a timer field, ignoring a leading <c>+</c>.</summary>
    public static bool TryParseTimer(string value, out long ms) =>
        long.TryParse(value.AsSpan(value.StartsWith('+') ? 1 : 0), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out ms);
}
