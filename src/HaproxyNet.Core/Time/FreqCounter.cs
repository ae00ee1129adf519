namespace HaproxyNet.Core.Time;

/// <summary>
/// An events-per-second counter over the current and the previous second of <c>now</c>, with 1.4's exact
/// 32-bit arithmetic and rounding (the previous second is weighted by the milliseconds still to come in this one).
/// </summary>
/// <remarks>
/// HAProxy 1.4 <c>struct freq_ctr</c>: <c>update_freq_ctr</c> and <c>rotate_freq_ctr</c>
/// (include/proto/freq_ctr.h), <c>read_freq_ctr</c>, <c>freq_ctr_remain</c>, <c>next_event_delay</c>
/// (src/freq_ctr.c). Every call takes <c>now</c> in microseconds (the engine passes
/// <see cref="EngineClock.NowUs"/>), so nothing here reads a clock. As in 1.4 the readers rotate the counter
/// when the second changed, and the weight is <c>~(ms * 4294971)</c> multiplied with a truncating
/// <c>mul32hi</c>: at ms 0 a previous count of N weighs N - 1, not N.
/// </remarks>
public sealed class FreqCounter
{
    /// <summary>1.4's <c>curr_sec_ms_scaled</c> factor: ms * 2^32 / 1000, rounded so that 999 ms still fits 32 bits.</summary>
    private const uint MsScale = 4294971;

    /// <summary><c>curr_sec</c>: the second (<c>now.tv_sec</c>, 32 bits) the current count belongs to.</summary>
    public uint CurrSec { get; private set; }

    /// <summary><c>curr_ctr</c>: events counted during <see cref="CurrSec"/>.</summary>
    public uint CurrCtr { get; private set; }

    /// <summary><c>prev_ctr</c>: events of the second before, 0 when more than one second passed.</summary>
    public uint PrevCtr { get; private set; }

    /// <summary>update_freq_ctr: counts <paramref name="inc"/> events at <paramref name="nowUs"/>.</summary>
    public void Update(uint inc, long nowUs)
    {
        var sec = Seconds(nowUs);
        if (CurrSec == sec)
        {
            CurrCtr += inc;
            return;
        }

        Rotate(sec);
        CurrCtr = inc;
    }

    /// <summary>
    /// read_freq_ctr: the rate over the last second; a rate between 0 and 1 (nothing yet this second, at most one
    /// event the second before) reads as the previous count, to avoid flapping.
    /// </summary>
    public uint Read(long nowUs)
    {
        RotateIfNeeded(nowUs);
        if (PrevCtr <= 1 && CurrCtr == 0)
        {
            return PrevCtr;
        }

        return unchecked(CurrCtr + Mul32Hi(PrevCtr, ~ScaledMs(nowUs)));
    }

    /// <summary>freq_ctr_remain: how many more events fit under <paramref name="freq"/> with <paramref name="pend"/> pending; 0 at the limit.</summary>
    public uint Remain(uint freq, uint pend, long nowUs)
    {
        var cur = Current(pend, nowUs);
        return cur >= freq ? 0 : freq - cur;
    }

    /// <summary>
    /// next_event_delay: 0 if an event may happen now, else the estimated wait in ms before the next one,
    /// <c>999 / current</c> and at least 1.
    /// </summary>
    public uint NextEventDelay(uint freq, uint pend, long nowUs)
    {
        var cur = Current(pend, nowUs);
        if (cur < freq)
        {
            return 0;
        }

        var wait = 999 / cur;
        return Math.Max(wait, 1);
    }

    /// <summary>mul32hi: the high 32 bits of the 64-bit product (1.4's version truncates, no rounding term).</summary>
    internal static uint Mul32Hi(uint a, uint b) => (uint)(((ulong)a * b) >> 32);

    /// <summary><c>curr_sec_ms_scaled</c> at <paramref name="nowUs"/>.</summary>
    internal static uint ScaledMs(long nowUs) => unchecked((uint)(nowUs % 1_000_000 / 1000) * MsScale);

    private static uint Seconds(long nowUs) => unchecked((uint)(nowUs / 1_000_000));

    private uint Current(uint pend, long nowUs)
    {
        RotateIfNeeded(nowUs);
        return unchecked(Mul32Hi(PrevCtr, ~ScaledMs(nowUs)) + CurrCtr + pend);
    }

    private void RotateIfNeeded(long nowUs)
    {
        var sec = Seconds(nowUs);
        if (CurrSec != sec)
        {
            Rotate(sec);
        }
    }

    /// <summary>rotate_freq_ctr: the current count becomes the previous one, or 0 if a whole second was missed.</summary>
    private void Rotate(uint sec)
    {
        PrevCtr = unchecked(sec - CurrSec) == 1 ? CurrCtr : 0;
        CurrSec = sec;
        CurrCtr = 0;
    }
}
