using System.Reflection;
using System.Text.RegularExpressions;
using HaproxyNet.Testing;

namespace HaproxyNet.Host.Tests.Packaging;

/// <summary><c>packaging/haproxynet.1</c>, the one source of the manual: complete against the code, and it renders.</summary>
public partial class ManPageTests
{
    private static string PagePath => Path.Combine(TestDataPaths.RepoRoot, "packaging", "haproxynet.1");

    private static string Page => File.ReadAllText(PagePath);

    public static TheoryData<string> UsageFlags()
    {
        // Every flag 1.4's usage text names (-f, -vdVD, -n, -N, -p, -m, -v, -vv, -d, -db, ..., -sf/-st).
        var flags = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match m in FlagPattern().Matches(HaproxyNet.Host.Output.UsageText.Format("haproxynet", 2000)))
        {
            flags.Add(m.Value);
        }

        flags.Remove("-vdVD");
        flags.Remove("-sf/-st");
        flags.UnionWith(["-v", "-d", "-V", "-D", "-sf", "-st"]);
        return new TheoryData<string>(flags);
    }

    public static TheoryData<string> EnvironmentSwitches()
    {
        // Every HAPROXYNET_* name the haproxynet assembly defines as a constant.
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in typeof(Program).Assembly.GetTypes())
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            {
                if (field.IsLiteral && field.GetRawConstantValue() is string value && value.StartsWith("HAPROXYNET_", StringComparison.Ordinal))
                {
                    names.Add(value);
                }
            }
        }

        return new TheoryData<string>(names);
    }

    [Fact]
    public void EnvironmentSwitches_Code_AtLeastTheKnownOnes()
    {
        var names = new List<string>();
        foreach (var row in EnvironmentSwitches())
        {
            names.Add(row);
        }

        Assert.Contains("HAPROXYNET_LINT", names);
        Assert.Contains("HAPROXYNET_TRACE", names);
        Assert.Contains("HAPROXYNET_NLOG_CONFIG", names);
    }

    [Theory]
    [MemberData(nameof(UsageFlags))]
    public void Page_UsageFlag_Documented(string flag)
    {
        // roff writes a minus as "\-" and options as a .TP/.B or .BI heading.
        var roff = flag.Replace("-", "\\-", StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^\.BI? " + Regex.Escape(roff) + @"( |$)", RegexOptions.Multiline), Page);
    }

    [Theory]
    [MemberData(nameof(EnvironmentSwitches))]
    public void Page_EnvironmentSwitch_Documented(string name)
    {
        Assert.Matches(new Regex(@"^\.BI? " + Regex.Escape(name) + @"(=|\b)", RegexOptions.Multiline), Page);
    }

    [ToolFact("groff")]
    public void Page_Groff_RendersWithoutWarnings()
    {
        var (code, stdout, stderr) = PackagingTool.Run("groff", "-man", "-Tutf8", "-ww", PagePath);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        var text = Regex.Replace(stdout, ".\b", string.Empty); // grotty's overstrike bold and underline
        Assert.Contains("haproxynet", text, StringComparison.Ordinal);
        Assert.Contains("ENVIRONMENT", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<=[\s\[])-[a-zA-Z]+(/-[a-z]+)?")]
    private static partial Regex FlagPattern();
}
