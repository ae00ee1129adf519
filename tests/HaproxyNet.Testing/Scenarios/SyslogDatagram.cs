namespace HaproxyNet.Testing.Scenarios;

/// <summary>One datagram received by the harness's syslog receiver, with its receive time.</summary>
public sealed record SyslogDatagram(DateTimeOffset Received, byte[] Data);
