using System.Net;

namespace HaproxyNet.Config.Model;

/// <summary>One listening socket (a <c>bind</c> element or a port of a range).</summary>
public sealed record ListenerLine(IPAddress Address, int Port, string? Name, int Id, SourceSpan Span);
