using System.Net;

namespace HaproxyNet.Config.Parsing.Values;

/// <summary>One listening socket produced by a bind address element (a port range gives several).</summary>
public sealed record ListenerAddress(IPAddress Address, int Port);
