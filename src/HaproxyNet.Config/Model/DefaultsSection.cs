namespace HaproxyNet.Config.Model;

/// <summary>The defaults in effect at the end of parsing; used for the tarpit/queue fallbacks.</summary>
public sealed record DefaultsSection(ProxyMode Mode, int MaxConn, ProxyTimeouts Timeouts);
