using HaproxyNet.Core.Stick;

namespace HaproxyNet.Core.Proxies;

/// <summary>A backend's stick table and sticking rules.</summary>
public sealed partial class Proxy
{
    /// <summary>The proxy's own <c>stick-table</c>; null without one.</summary>
    public StickTable? StickTable { get; set; }

    /// <summary><c>stick on|match|store-request</c> rules, in order.</summary>
    public List<StickRule> StickRules { get; } = [];
}
