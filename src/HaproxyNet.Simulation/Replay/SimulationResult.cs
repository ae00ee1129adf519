namespace HaproxyNet.Simulation;

/// <summary>One log line the engine sent, with the virtual time it was sent at.</summary>
/// <param name="AtMs">Milliseconds of virtual time since the start (to the sampling step).</param>
/// <param name="Priority">Syslog PRI.</param>
/// <param name="Line">The datagram as 1.4 frames it: <c>&lt;PRI&gt;Mmm dd hh:mm:ss haproxynet[pid]: message</c>.</param>
/// <param name="Message">The message alone.</param>
public sealed record SimulatedLogLine(long AtMs, int Priority, string Line, string Message);

/// <summary>A server's state at one sample.</summary>
/// <param name="Served">Sessions currently on the server (1.4 <c>srv-&gt;served</c>).</param>
/// <param name="Limit">Its dynamic maxconn (<c>srv_dynamic_maxconn</c>), or 0 when the server has no maxconn.</param>
/// <param name="Queue">Sessions waiting in the server's own queue.</param>
public readonly record struct ServerSample(int Served, int Limit, int Queue);

/// <summary>Per-backend and per-server state at one virtual instant.</summary>
public sealed record TimelineSample(long AtMs, IReadOnlyList<int> BackendQueues, IReadOnlyList<ServerSample> Servers);

/// <summary>A series' identity in <see cref="SimulationResult.Samples"/>.</summary>
public sealed record SeriesName(string Backend, string Server);

/// <summary>A session the proxy ended on a timeout or an error, from its log line.</summary>
/// <param name="TerminationState">The 2 (tcplog) or 4 (httplog) state characters.</param>
public sealed record Expiration(long AtMs, string Backend, string Server, string TerminationState);

/// <summary>Everything a simulation produced.</summary>
public sealed class SimulationResult
{
    public required IReadOnlyList<SimulatedLogLine> Lines { get; init; }

    public required IReadOnlyList<string> Backends { get; init; }

    /// <summary>Servers in sample order (backend, server).</summary>
    public required IReadOnlyList<SeriesName> Servers { get; init; }

    public required IReadOnlyList<TimelineSample> Samples { get; init; }

    public required IReadOnlyList<Expiration> Expirations { get; init; }

    public required SimulationSummary Summary { get; init; }

    /// <summary>Virtual duration of the run in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>Wall-clock time the run took.</summary>
    public TimeSpan Elapsed { get; init; }
}

/// <summary>The outcome counted from the session log lines.</summary>
public sealed class SimulationSummary
{
    public int Clients { get; init; }

    /// <summary>Session lines logged.</summary>
    public int Sessions { get; set; }

    /// <summary>Sessions that reached a server (a server name other than &lt;NOSRV&gt; and Tc != -1).</summary>
    public int Served { get; set; }

    /// <summary>Sessions that waited in a queue (srv_queue or backend_queue above 0 in their line, or Tw above 0).</summary>
    public int Queued { get; set; }

    /// <summary>Sessions that ended on a timeout or error, by termination state (first two characters).</summary>
    public SortedDictionary<string, int> Cut { get; } = new(StringComparer.Ordinal);

    /// <summary>Termination states of every session line.</summary>
    public SortedDictionary<string, int> TerminationStates { get; } = new(StringComparer.Ordinal);

    /// <summary>Highest backend queue depth seen in the samples.</summary>
    public int MaxBackendQueue { get; set; }

    /// <summary>Per server, the lowest and highest dynamic maxconn seen while it had sessions or a queue existed.</summary>
    public List<(string Server, int MinLimit, int MaxLimit, int MaxServed)> Limits { get; } = [];
}
