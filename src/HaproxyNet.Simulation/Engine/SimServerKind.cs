namespace HaproxyNet.Testing.Engine;

/// <summary>What a scripted server does with connections.</summary>
public enum SimServerKind
{
    /// <summary>Sends back what it receives; half-closes when the client does.</summary>
    Echo,

    /// <summary>Accepts and reads, never answers nor closes.</summary>
    Hold,

    /// <summary>Accepts, reads the first chunk, then closes.</summary>
    Close,

    /// <summary>Nothing listens: the connect fails asynchronously with ECONNREFUSED (loopback behaviour).</summary>
    Refuse,

    /// <summary>The connect is refused synchronously (connect() itself fails).</summary>
    RefuseSync,

    /// <summary>The connect never completes (SYN dropped).</summary>
    Blackhole,

    /// <summary>Answers HTTP requests as <see cref="SimServer.Http"/> says (the harness's "http" backend).</summary>
    Http,

    /// <summary>
    /// A scripted responder (health-check peer): sends <see cref="SimServer.Banner"/> on accept, then
    /// <see cref="SimServer.Response"/> once the first bytes arrive, then half-closes if
    /// <see cref="SimServer.CloseAfterResponse"/>.
    /// </summary>
    Respond,
}
