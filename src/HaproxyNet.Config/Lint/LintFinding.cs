using HaproxyNet.Config.Model;

namespace HaproxyNet.Config.Lint;

/// <summary>One lint finding: where, how bad, a stable code and a message carrying the numbers.</summary>
/// <param name="Span">The server line (or the proxy header for proxy-wide findings).</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Code">Stable identifier, e.g. <c>dynamic-maxconn-floor</c>.</param>
/// <param name="Message">One line of text, no trailing newline.</param>
public sealed record LintFinding(SourceSpan Span, LintSeverity Severity, string Code, string Message);
