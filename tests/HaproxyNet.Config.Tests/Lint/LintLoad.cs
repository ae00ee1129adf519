using System.Globalization;
using System.Text.RegularExpressions;
using HaproxyNet.Config.Model;
using HaproxyNet.Testing;
using HaproxyNet.Testing.Config;

namespace HaproxyNet.Config.Tests.Lint;

/// <summary>Loads configurations for the lint tests; fails the test when 1.4 would reject the file.</summary>
internal static partial class LintLoad
{
    /// <summary>An in-memory file named <c>t.cfg</c>.</summary>
    public static ConfigDocument Text(string config)
    {
        var (result, stderr) = CheckRun.Run(config);
        Assert.True(result.IsValid, stderr);
        return result.Document!;
    }

    /// <summary>A recorded scenario's haproxy.cfg, its <c>${PORT}</c> variables given fixed loopback ports.</summary>
    public static ConfigDocument Golden(string scenario)
    {
        var text = File.ReadAllText(Path.Combine(TestDataPaths.Golden(scenario), "haproxy.cfg"));
        var port = 20000;
        text = Variable().Replace(text, _ => (port++).ToString(CultureInfo.InvariantCulture));
        var env = new InMemoryConfigEnvironment().With("haproxy.cfg", text);
        var sink = new RecordingDiagnosticSink(string.Empty);
        var result = ConfigLoader.Load(["haproxy.cfg"], new ConfigLoadOptions(), env, sink);
        Assert.True(result.IsValid, sink.Text);
        return result.Document!;
    }

    /// <summary>A file of <paramref name="directory"/> as 1.4 on the corpus host reads it; null when rejected.</summary>
    public static ConfigDocument? File14(string directory, string fileName)
    {
        var sink = new RecordingDiagnosticSink(string.Empty);
        var result = ConfigLoader.Load([fileName], new ConfigLoadOptions(), new FixedConfigEnvironment(directory), sink);
        return result.Document;
    }

    [GeneratedRegex(@"\$\{[A-Z0-9_]+\}")]
    private static partial Regex Variable();
}
