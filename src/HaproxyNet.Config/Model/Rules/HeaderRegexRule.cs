using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Model.Rules;

/// <summary>A <c>req*</c> / <c>rsp*</c> regex rule, in declaration order.</summary>
/// <param name="Replacement">Replacement string (rep) or backend name (setbe); null otherwise.</param>
public sealed record HeaderRegexRule(
    bool Request, RegexAction Action, PosixRegex Regex, string? Replacement, AclCondition? Condition, SourceSpan Span);
