using System.Net;

namespace HaproxyNet.Config.Model;

/// <summary>A <c>server</c> line after defaults and post-parse normalisation.</summary>
public sealed record ServerLine
{
    public required string Name { get; init; }

    public required SourceSpan Span { get; init; }

    public required int Id { get; init; }

    public required IPAddress Address { get; init; }

    /// <summary>Absolute port, or the offset to the client's destination port when <see cref="PortMapped"/>.</summary>
    public required int Port { get; init; }

    public required bool PortMapped { get; init; }

    public string? Cookie { get; init; }

    public string? RedirectPrefix { get; init; }

    public bool Backup { get; init; }

    public bool Check { get; init; }

    public bool Disabled { get; init; }

    public int CheckPort { get; init; }

    public IPAddress? CheckAddress { get; init; }

    public int Rise { get; init; }

    public int Fall { get; init; }

    /// <summary>Check intervals in milliseconds (0 = use inter).</summary>
    public int Inter { get; init; }

    public int FastInter { get; init; }

    public int DownInter { get; init; }

    public int Weight { get; init; }

    public int MinConn { get; init; }

    public int MaxConn { get; init; }

    public int MaxQueue { get; init; }

    /// <summary>Slowstart in whole seconds, rounded up (1.4 stores it so).</summary>
    public int SlowStartSeconds { get; init; }

    public string? Track { get; init; }

    public string Observe { get; init; } = "none";

    public string OnError { get; init; } = "fail-check";

    public int ErrorLimit { get; init; }

    /// <summary>Server <c>source</c> address (its port is the range's low end), or null.</summary>
    public IPEndPoint? Source { get; init; }

    /// <summary>High end of a <c>source addr:low-high</c> port range; equal to the low port (or 0) without a range.</summary>
    public int SourcePortHigh { get; init; }

    /// <summary>Server <c>source ... interface &lt;name&gt;</c>, or null.</summary>
    public string? SourceInterface { get; init; }
}
