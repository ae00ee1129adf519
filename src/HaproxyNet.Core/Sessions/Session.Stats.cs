namespace HaproxyNet.Core.Sessions;

/// <summary>What the statistics counters already received from this session (1.4's <c>logs.bytes_in/out</c> deltas).</summary>
public sealed partial class Session
{
    /// <summary>Request bytes already added to the proxy/server/listener counters.</summary>
    internal long StatsBytesIn;

    /// <summary>Response bytes already added to the proxy/server/listener counters.</summary>
    internal long StatsBytesOut;

    /// <summary>Previous live session of the process (for <c>show sess</c>).</summary>
    internal Session? PrevLive;

    /// <summary>Next live session of the process (for <c>show sess</c>).</summary>
    internal Session? NextLive;

    /// <summary>Engine microseconds at creation, for the age shown by <c>show sess</c>.</summary>
    internal long CreatedUs;

    /// <summary>A stats page or CSV still being written to the client, null otherwise.</summary>
    internal Stats.StatsReply? StatsReply;
}
