namespace HaproxyNet.LogDiff.Normalization;

/// <summary>A harness client connected at <paramref name="Time"/> from <paramref name="Address"/> (<c>ip:port</c>) and is known as <c>c</c><paramref name="ClientId"/>.</summary>
public sealed record ClientConnection(DateTimeOffset Time, string Address, int ClientId);
