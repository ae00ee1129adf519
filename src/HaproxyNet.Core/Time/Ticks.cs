namespace HaproxyNet.Core.Time;

/// <summary>Millisecond ticks on a wrapping 32-bit clock; 0 means "eternity" (unset).</summary>
/// <remarks>HAProxy 1.4 <c>include/common/ticks.h</c>: every comparison uses the signed 32-bit difference.</remarks>
public static class Ticks
{
    /// <summary>TICK_ETERNITY: no date.</summary>
    public const int Eternity = 0;

    /// <summary>tick_isset.</summary>
    public static bool IsSet(int tick) => tick != Eternity;

    /// <summary>tick_add: <paramref name="now"/> + <paramref name="timeout"/>, never 0 (0 becomes 1).</summary>
    public static int Add(int now, int timeout)
    {
        var t = unchecked(now + timeout);
        return t == 0 ? 1 : t;
    }

    /// <summary>tick_add_ifset: eternity when <paramref name="timeout"/> is 0, else <see cref="Add"/>.</summary>
    public static int AddIfSet(int now, int timeout) => timeout == 0 ? Eternity : Add(now, timeout);

    /// <summary>tick_is_lt: <paramref name="a"/> is strictly before <paramref name="b"/> (both set).</summary>
    public static bool IsLt(int a, int b) => unchecked(a - b) < 0;

    /// <summary>tick_is_le.</summary>
    public static bool IsLe(int a, int b) => unchecked(a - b) <= 0;

    /// <summary>tick_is_expired: set and not after <paramref name="now"/>.</summary>
    public static bool IsExpired(int tick, int now) => tick != Eternity && unchecked(tick - now) <= 0;

    /// <summary>tick_first: the earliest of two ticks, ignoring unset ones.</summary>
    public static int First(int a, int b)
    {
        if (a == Eternity)
        {
            return b;
        }

        if (b == Eternity)
        {
            return a;
        }

        return unchecked(a - b) <= 0 ? a : b;
    }

    /// <summary>tick_remain: milliseconds from <paramref name="now"/> to <paramref name="exp"/>, 0 if passed.</summary>
    public static int Remain(int now, int exp)
    {
        var d = unchecked(exp - now);
        return d < 0 ? 0 : d;
    }
}
