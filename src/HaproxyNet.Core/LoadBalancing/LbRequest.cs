namespace HaproxyNet.Core.LoadBalancing;

/// <summary>
/// The parts of a session the hash algorithms read, as spans over the engine's own buffers (nothing is copied).
/// </summary>
/// <remarks>The inputs of 1.4's <c>get_server_sh</c>, <c>get_server_uh</c>, <c>get_server_ph</c>,
/// <c>get_server_ph_post</c>, <c>get_server_hh</c> and <c>get_server_rch</c> (backend.c).</remarks>
public readonly ref struct LbRequest
{
    /// <summary>Client address in network byte order: 4 bytes (IPv4), 16 bytes (IPv6), or empty if neither.</summary>
    public ReadOnlySpan<byte> ClientAddress { get; init; }

    /// <summary>The request-line URI as forwarded (after any reqrep), query string included.</summary>
    public ReadOnlySpan<byte> Uri { get; init; }

    /// <summary>The raw header lines after the request line (each ending in CRLF or LF), for <c>hdr()</c>.</summary>
    public ReadOnlySpan<byte> Headers { get; init; }

    /// <summary>True for a POST request (enables the <c>url_param check_post</c> body search).</summary>
    public bool IsPost { get; init; }

    /// <summary>
    /// The buffered request body, already limited to the message body length (for chunked messages: the first
    /// chunk's data), for <c>url_param check_post</c>.
    /// </summary>
    public ReadOnlySpan<byte> Body { get; init; }

    /// <summary>The buffered request payload from its first byte, for <c>rdp-cookie</c> (TCP).</summary>
    public ReadOnlySpan<byte> Payload { get; init; }
}
