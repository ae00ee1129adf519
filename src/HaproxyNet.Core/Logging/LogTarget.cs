using System.Net;

namespace HaproxyNet.Core.Logging;

/// <summary>One <c>log</c> line's target (1.4 keeps two slots per proxy and globally).</summary>
/// <param name="EndPoint">UDP destination (default port 514), or null for a UNIX datagram socket.</param>
/// <param name="UnixPath">Path of a UNIX datagram socket (address starting with '/'), else null.</param>
/// <param name="Facility">Syslog facility code (local0 = 16).</param>
/// <param name="MaxLevel">Only messages with level &lt;= MaxLevel are sent (default debug = 7).</param>
/// <param name="MinLevel">PRI level is max(level, MinLevel) (default emerg = 0).</param>
public sealed record LogTarget(IPEndPoint? EndPoint, string? UnixPath, int Facility, int MaxLevel = 7, int MinLevel = 0);
