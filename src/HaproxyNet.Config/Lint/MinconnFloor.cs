namespace HaproxyNet.Config.Lint;

/// <summary>The load-dependent part of a server's connection limit, computed from configuration values.</summary>
/// <remarks>
/// Mirrors HAProxy 1.4 <c>srv_dynamic_maxconn</c> (queue.c) without the slowstart scaling, which only applies
/// after a server comes back up. 1.4 computes <c>beconn * maxconn</c> in C <c>int</c>; we use 64 bits, which
/// differs only past 2^31, far beyond any real fullconn.
/// </remarks>
public static class MinconnFloor
{
    /// <summary>The limit a server gets while its backend holds <paramref name="beconn"/> sessions (queued ones included).</summary>
    /// <returns>maxconn once beconn reaches fullconn or when minconn equals maxconn, else max(minconn, beconn * maxconn / fullconn).</returns>
    public static int Limit(int beconn, int minconn, int maxconn, int fullconn)
    {
        if (beconn >= fullconn || minconn == maxconn)
        {
            return maxconn;
        }

        return (int)Math.Max(minconn, (long)beconn * maxconn / fullconn);
    }

    /// <summary>
    /// The smallest backend load N at which the limit rises above minconn, i.e. the least beconn with
    /// beconn * maxconn / fullconn &gt; minconn (integer division), capped at fullconn where the limit is maxconn.
    /// </summary>
    /// <remarks>Requires 0 &lt; minconn &lt; maxconn and fullconn &gt; 0 (what 1.4 leaves after its normalisation).</remarks>
    public static int SessionsToLeaveFloor(int minconn, int maxconn, int fullconn)
    {
        if (minconn <= 0 || maxconn <= minconn || fullconn <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minconn), "needs 0 < minconn < maxconn and fullconn > 0");
        }

        // beconn * maxconn / fullconn >= minconn + 1  <=>  beconn * maxconn >= (minconn + 1) * fullconn.
        var need = (long)(minconn + 1) * fullconn;
        var n = (need + maxconn - 1) / maxconn;
        return (int)Math.Min(n, fullconn);
    }
}
