using HaproxyNet.Core.Logging;
using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core;

/// <summary>Logger selection (1.4's <c>send_log</c> before the syslog header is built).</summary>
public sealed partial class EngineLoop
{
    /// <summary>
    /// Sends <paramref name="message"/> to each logger of <paramref name="proxy"/> (the global loggers when null)
    /// whose max level admits <paramref name="level"/>, with the level raised to the logger's min level.
    /// </summary>
    public void SendLog(Proxy? proxy, int level, ReadOnlySpan<char> message)
    {
        var targets = proxy is null ? Global.Logs : proxy.Logs;
        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            if (level > t.MaxLevel)
            {
                continue;
            }

            LogSink.Send(t, Math.Max(level, t.MinLevel), message);
        }
    }
}
