using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Model.Rules;

/// <summary>A <c>redirect</c> rule (the last type word on the line wins, as in 1.4).</summary>
public sealed record RedirectRule(
    RedirectType Type,
    string Destination,
    int Code,
    bool DropQuery,
    bool AppendSlash,
    string? SetCookie,
    string? ClearCookie,
    AclCondition? Condition,
    SourceSpan Span);
