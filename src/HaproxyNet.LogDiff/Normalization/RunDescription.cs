namespace HaproxyNet.LogDiff.Normalization;

/// <summary>What the normalizer needs to know about one scenario run (the shared harness's <c>run.json</c>).</summary>
public sealed class RunDescription
{
    /// <summary>Placeholder name (<c>FE_PORT</c>, <c>SYSLOG_PORT</c>...) to the port it was rendered as.</summary>
    public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>();

    /// <summary>The PID of the proxy process the harness started, if it started.</summary>
    public int? Pid { get; init; }

    /// <summary>Syslog tags accepted as the program name (see <see cref="ProgramNames.FromCommand"/>).</summary>
    public IReadOnlyCollection<string> ProgramNames { get; init; } = [];

    /// <summary>Every client connection the harness made.</summary>
    public IReadOnlyList<ClientConnection> ClientConnections { get; init; } = [];

    /// <summary>Receive time of each datagram, in the order of the raw lines; empty when unknown.</summary>
    public IReadOnlyList<DateTimeOffset> LogTimes { get; init; } = [];

    /// <summary>When the run started and ended; dates in the log must fall in this window (± 5 s).</summary>
    public DateTimeOffset StartTime { get; init; }

    public DateTimeOffset EndTime { get; init; }
}
