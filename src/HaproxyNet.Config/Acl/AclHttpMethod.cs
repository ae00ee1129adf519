namespace HaproxyNet.Config.Acl;

/// <summary>HTTP methods known by identity to 1.4 (<c>enum http_meth_t</c>); anything else is <see cref="Other"/>.</summary>
/// <remarks>
/// 1.4's <c>find_http_meth</c> compares case-sensitively and only looks up words starting with an upper-case
/// letter: <c>GETX</c> is <see cref="Other"/>, but <c>get</c> (or anything not starting with A-Z) is
/// <see cref="None"/>. As a pattern, <c>get</c> therefore never matches <c>GET</c>, yet matches every request whose
/// method does not start with A-Z (both sides are <see cref="None"/> and no string is compared).
/// </remarks>
public enum AclHttpMethod
{
    /// <summary>HTTP_METH_NONE: the word does not start with an upper-case ASCII letter.</summary>
    None,
    Options,
    Get,
    Head,
    Post,
    Put,
    Delete,
    Trace,
    Connect,
    Other,
}
