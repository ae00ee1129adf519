namespace HaproxyNet.Testing.Scenarios;

/// <summary>One HTTP request or response read by a <see cref="SocketReader"/> (header names lower-cased, the last one wins).</summary>
public sealed record HttpMessage(
    string Method,
    string Target,
    string Version,
    int Status,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body);
