using System.Text;

namespace HaproxyNet.Config.Lint;

/// <summary>Renders findings the way 1.4 renders parse diagnostics, with a <c>[LINT]</c> tag instead of a level.</summary>
/// <remarks>
/// Meant for stderr after 1.4's own <c>-c</c> output, only when the host is asked to (<c>HAPROXYNET_LINT=1</c>),
/// so the default output stays byte-identical to 1.4.25.
/// </remarks>
public static class LintFormatter
{
    /// <summary>One line: <c>[LINT] parsing [&lt;file&gt;:&lt;line&gt;] : &lt;message&gt;</c>, no newline.</summary>
    public static string FormatLine(LintFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return $"[LINT] parsing [{finding.Span.File}:{finding.Span.Line}] : {finding.Message}";
    }

    /// <summary>Every finding on its own line, each ending with <c>\n</c>; empty when there is none.</summary>
    public static string Format(IReadOnlyList<LintFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var sb = new StringBuilder();
        foreach (var f in findings)
        {
            sb.Append(FormatLine(f)).Append('\n');
        }

        return sb.ToString();
    }
}
