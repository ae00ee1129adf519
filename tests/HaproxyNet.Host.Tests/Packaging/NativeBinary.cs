using HaproxyNet.Testing;

namespace HaproxyNet.Host.Tests.Packaging;

/// <summary>
/// The Native AOT <c>haproxynet</c>: <c>HAPROXYNET_NATIVE_BINARY</c>, else <c>artifacts/native/haproxynet</c> in the
/// clone, where <c>.ci/run</c> publishes it before the tests. Tests that need it are skipped when it is absent.
/// </summary>
internal static class NativeBinary
{
    public const string Variable = "HAPROXYNET_NATIVE_BINARY";

    public const string SkipReason =
        "no native binary: dotnet publish src/HaproxyNet.Host -c Release -r linux-x64 -p:PublishAot=true -o artifacts/native (.ci/run does)";

    public static string Path =>
        System.Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path
            ? path
            : System.IO.Path.Combine(TestDataPaths.RepoRoot, "artifacts", "native", "haproxynet");

    public static bool Exists => File.Exists(Path);
}

/// <summary>
/// The self-contained <c>haproxynet-tool</c> that <c>packaging/build-deb.sh</c> ships: <c>HAPROXYNET_TOOL_DIR</c>, else
/// <c>artifacts/tool</c> in the clone, where <c>.ci/run</c> publishes it before the tests.
/// </summary>
internal static class ToolBuild
{
    public const string Variable = "HAPROXYNET_TOOL_DIR";

    public const string SkipReason =
        "no published haproxynet-tool: dotnet publish src/HaproxyNet.Tool -c Release -r linux-x64 --self-contained -p:InvariantGlobalization=true -o artifacts/tool (.ci/run does)";

    public static string Directory =>
        System.Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path
            ? path
            : System.IO.Path.Combine(TestDataPaths.RepoRoot, "artifacts", "tool");

    public static bool Exists => File.Exists(System.IO.Path.Combine(Directory, "haproxynet-tool"));
}

/// <summary>A fact that needs the native binary (and the <paramref name="tools"/> on PATH, installed by <c>.ci/run</c>).</summary>
internal sealed class NativeBinaryFactAttribute : FactAttribute
{
    public NativeBinaryFactAttribute(params string[] tools)
    {
        if (!NativeBinary.Exists)
        {
            Skip = NativeBinary.SkipReason;
            return;
        }

        if (Array.IndexOf(tools, "haproxynet-tool") >= 0 && !ToolBuild.Exists)
        {
            Skip = ToolBuild.SkipReason;
            return;
        }

        foreach (var tool in tools)
        {
            if (tool != "haproxynet-tool" && !PackagingTool.OnPath(tool))
            {
                Skip = tool + " is not installed (.ci/run installs it)";
                return;
            }
        }
    }
}

/// <summary>A theory that needs the native binary.</summary>
internal sealed class NativeBinaryTheoryAttribute : TheoryAttribute
{
    public NativeBinaryTheoryAttribute()
    {
        if (!NativeBinary.Exists)
        {
            Skip = NativeBinary.SkipReason;
        }
    }
}
