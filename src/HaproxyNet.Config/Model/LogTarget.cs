namespace HaproxyNet.Config.Model;

/// <summary>A syslog target (<c>log &lt;address&gt; &lt;facility&gt; [max [min]]</c>).</summary>
/// <param name="Address">IPv4 address with port (default 514), or a UNIX socket path.</param>
/// <param name="Facility">Syslog facility number.</param>
/// <param name="MaxLevel">Highest level sent (7 = debug by default).</param>
/// <param name="MinLevel">Lowest level: messages are raised to it (0 = emerg by default).</param>
public sealed record LogTarget(string Address, int Facility, int MaxLevel, int MinLevel, SourceSpan Span);
