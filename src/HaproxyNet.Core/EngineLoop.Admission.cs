using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core;

/// <summary>Admission seams of the loop (monitor-net replies; the INSPECT analyser is registered at construction).</summary>
public sealed partial class EngineLoop
{
    /// <summary>Replies to monitor-net sessions of non-TCP frontends; null until the HTTP layer sets it.</summary>
    public IMonitorResponder? MonitorResponder { get; set; }

    /// <summary>
    /// The rate-limit half of maintain_proxies' block test: true while <c>rate-limit sessions</c> leaves no slot,
    /// and then <paramref name="next"/> is lowered to the estimated next free slot (now + next_event_delay).
    /// </summary>
    /// <remarks>Only asked when the frontend is below its maxconn, as in 1.4 (the counter rotates when read).</remarks>
    private bool RateLimited(Proxy p, ref int next)
    {
        if (p.SessionRateLimit == 0)
        {
            return false;
        }

        var wait = p.FeSessPerSec.NextEventDelay(p.SessionRateLimit, 0, Clock.NowUs);
        if (wait == 0)
        {
            return false;
        }

        next = Ticks.First(next, Ticks.Add(Clock.NowMs, unchecked((int)wait)));
        return true;
    }
}
