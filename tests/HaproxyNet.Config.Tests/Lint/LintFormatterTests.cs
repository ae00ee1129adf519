using HaproxyNet.Config.Lint;
using HaproxyNet.Config.Model;

namespace HaproxyNet.Config.Tests.Lint;

public class LintFormatterTests
{
    [Fact]
    public void FormatLine_Finding_UsesTheParsingPrefixWithLintTag()
    {
        var f = new LintFinding(new SourceSpan("/etc/haproxy/haproxy.cfg", 22), LintSeverity.Warning, LintCodes.DynamicMaxconnFloor, "m");

        Assert.Equal("[LINT] parsing [/etc/haproxy/haproxy.cfg:22] : m", LintFormatter.FormatLine(f));
    }

    [Fact]
    public void Format_SeedIncident_OneLinePerFindingEachEndingWithNewline()
    {
        var text = LintFormatter.Format(ConfigLint.Run(LintLoad.Golden("seed-incident")));

        var lines = text.Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.Equal(string.Empty, lines[4]);
        Assert.StartsWith("[LINT] parsing [haproxy.cfg:22] : listen 'rmi_registry' server 'rmi1': ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("[LINT] parsing [haproxy.cfg:23] : listen 'rmi_registry' server 'rmi2': ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("[LINT] parsing [haproxy.cfg:18] : listen 'rmi_registry': fullconn=100 ", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("[LINT] parsing [haproxy.cfg:18] : listen 'rmi_registry': queued sessions expire", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Format_NoFinding_IsEmpty()
    {
        Assert.Equal(string.Empty, LintFormatter.Format([]));
    }
}
