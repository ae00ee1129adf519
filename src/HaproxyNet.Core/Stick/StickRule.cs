using HaproxyNet.Config.Acl;

namespace HaproxyNet.Core.Stick;

/// <summary>The pattern fetches 1.4.25 offers to stick rules.</summary>
public enum StickFetch
{
    /// <summary><c>src</c>: the client's IPv4 address.</summary>
    Src,

    /// <summary><c>dst</c>: the IPv4 address the client connected to.</summary>
    Dst,

    /// <summary><c>dst_port</c>: the port the client connected to.</summary>
    DstPort,

    /// <summary><c>hdr(name)</c>: a request header value (HTTP).</summary>
    Hdr,
}

/// <summary>One <c>stick on|match|store-request</c> rule of a backend.</summary>
/// <param name="Match">Looks the key up (<c>on</c>, <c>match</c>).</param>
/// <param name="Store">Stores the key with the server (<c>on</c>, <c>store-request</c>).</param>
/// <param name="Fetch">The pattern.</param>
/// <param name="HeaderName">For <see cref="StickFetch.Hdr"/>: the header name.</param>
/// <param name="Table">The table (the backend's own or the one of <c>table &lt;name&gt;</c>).</param>
/// <param name="Condition">Optional <c>if</c>/<c>unless</c> condition.</param>
public sealed record StickRule(bool Match, bool Store, StickFetch Fetch, byte[]? HeaderName, StickTable Table, AclCondition? Condition);
