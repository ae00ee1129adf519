using System.Net;

namespace HaproxyNet.Config.Parsing.Values;

/// <summary>An IPv4 address with the port as <c>str2sa</c> stores it (atol of what follows the last colon).</summary>
/// <param name="Address">The resolved address (0.0.0.0 for <c>*</c> or empty).</param>
/// <param name="Port">The port read with atol (may be 0, negative or out of range).</param>
/// <param name="PortText">The text after the last colon, or null when there was no colon.</param>
public sealed record SocketAddress(IPAddress Address, long Port, string? PortText);
