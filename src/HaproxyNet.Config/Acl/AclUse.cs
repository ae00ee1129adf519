namespace HaproxyNet.Config.Acl;

/// <summary>
/// What information an ACL criterion needs to be evaluated (1.4's <c>ACL_USE_*</c> bits). A criterion's bits are
/// OR-ed into its ACL, and an ACL's bits into every condition that references it, at the moment the condition is
/// parsed.
/// </summary>
/// <remarks>
/// Mirrors the enum of <c>include/types/acl.h</c> (1.4.25 numbering). The config uses the composite masks
/// <see cref="ResponseAny"/> (<c>warnif_cond_requires_resp</c>) and <see cref="RequestVolatile"/>
/// (<c>warnif_cond_requires_req</c>) to print 1.4's "will be ignored" warnings.
/// </remarks>
[Flags]
public enum AclUse : uint
{
    /// <summary>ACL_USE_NOTHING: counters, ids, constants; usable anywhere.</summary>
    Nothing = 0,

    Tcp4Permanent = 1u << 0,
    Tcp4Cacheable = 1u << 1,
    Tcp4Volatile = 1u << 2,
    Tcp6Permanent = 1u << 3,
    Tcp6Cacheable = 1u << 4,
    Tcp6Volatile = 1u << 5,
    TcpPermanent = 1u << 6,
    TcpCacheable = 1u << 7,
    TcpVolatile = 1u << 8,
    L4RequestPermanent = 1u << 9,
    L4RequestCacheable = 1u << 10,
    L4RequestVolatile = 1u << 11,
    L4ResponsePermanent = 1u << 12,
    L4ResponseCacheable = 1u << 13,
    L4ResponseVolatile = 1u << 14,
    L7RequestPermanent = 1u << 15,
    L7RequestCacheable = 1u << 16,
    L7RequestVolatile = 1u << 17,
    L7ResponsePermanent = 1u << 18,
    L7ResponseCacheable = 1u << 19,
    L7ResponseVolatile = 1u << 20,
    HeaderCacheable = 1u << 21,
    HeaderVolatile = 1u << 22,

    /// <summary>ACL_MAY_LOOKUP: exact patterns read with <c>-f</c> (and no <c>-i</c>) may go to a lookup tree.</summary>
    MayLookup = 1u << 31,

    /// <summary>ACL_USE_RTR_ANY: any response data (layer 4 or 7).</summary>
    ResponseAny = L4ResponsePermanent | L4ResponseCacheable | L4ResponseVolatile
        | L7ResponsePermanent | L7ResponseCacheable | L7ResponseVolatile,

    /// <summary>ACL_USE_REQ_VOLATILE: request data that does not survive until the response.</summary>
    RequestVolatile = Tcp4Volatile | Tcp6Volatile | TcpVolatile | L4RequestVolatile | L7RequestVolatile,
}
