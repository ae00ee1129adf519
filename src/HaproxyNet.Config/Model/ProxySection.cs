using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Model;

/// <summary>A frontend, backend, listen or ruleset section after inheritance and post-parse checks.</summary>
public sealed partial record ProxySection
{
    public required string Name { get; init; }

    public required ProxyCapabilities Capabilities { get; init; }

    public required SourceSpan Span { get; init; }

    /// <summary>Numeric id (iid in stats): explicit or assigned by the cursor rule.</summary>
    public required int Id { get; init; }

    public required ProxyMode Mode { get; init; }

    public bool Disabled { get; init; }

    public string? Description { get; init; }

    /// <summary>Table options in force (e.g. <c>httpclose</c>, <c>redispatch</c>).</summary>
    public required IReadOnlySet<string> Options { get; init; }

    public bool HttpLog { get; init; }

    public bool TcpLog { get; init; }

    public CheckType CheckType { get; init; }

    public string? CheckRequest { get; init; }

    public int MaxConn { get; init; }

    public int FullConn { get; init; }

    public int Backlog { get; init; }

    public int Retries { get; init; }

    public uint SessionRateLimit { get; init; }

    public uint Grace { get; init; }

    public required ProxyTimeouts Timeouts { get; init; }

    public required IReadOnlyList<ListenerLine> Listeners { get; init; }

    public required IReadOnlyList<ServerLine> Servers { get; init; }

    public BalanceAlgorithm Balance { get; init; }

    public string? BalanceParameter { get; init; }

    public bool HashConsistent { get; init; }

    public string? CookieName { get; init; }

    public IReadOnlyList<string> CookieModes { get; init; } = [];

    public string? DefaultBackend { get; init; }

    public IReadOnlyList<string> UseBackendTargets { get; init; } = [];

    public required IReadOnlyList<LogTarget> Logs { get; init; }

    public StatsSettings? Stats { get; init; }

    public string? MonitorUri { get; init; }

    public IReadOnlyDictionary<int, byte[]> ErrorFiles { get; init; } = new Dictionary<int, byte[]>();

    /// <summary>The proxy's ACL table (declared, predefined and anonymous ACLs).</summary>
    public required AclTable Acls { get; init; }
}
