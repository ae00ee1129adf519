using System.Net;

namespace HaproxyNet.Config.Model;

/// <summary>One listening socket (a <c>bind</c> element or a port of a range).</summary>
public sealed record ListenerLine(IPAddress Address, int Port, string? Name, int Id, SourceSpan Span)
{
    /// <summary><c>interface &lt;name&gt;</c> (SO_BINDTODEVICE), or null.</summary>
    public string? Interface { get; init; }

    /// <summary><c>mss &lt;n&gt;</c> (TCP_MAXSEG), 0 = unset.</summary>
    public int Mss { get; init; }

    /// <summary><c>defer-accept</c> (TCP_DEFER_ACCEPT).</summary>
    public bool DeferAccept { get; init; }
}
