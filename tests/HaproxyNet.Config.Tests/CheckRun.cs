using HaproxyNet.Config;
using HaproxyNet.Testing.Config;

namespace HaproxyNet.Config.Tests;

/// <summary>Runs the loader on in-memory files and returns what <c>haproxy -c</c> would print (corpus prefix form).</summary>
internal static class CheckRun
{
    public static (ConfigLoadResult Result, string Stderr) Run(string config, ConfigLoadOptions? options = null) =>
        RunFiles([("t.cfg", config)], options);

    public static (ConfigLoadResult Result, string Stderr) RunFiles(
        IReadOnlyList<(string Name, string Text)> files, ConfigLoadOptions? options = null)
    {
        var env = new InMemoryConfigEnvironment();
        foreach (var (name, text) in files)
        {
            env.With(name, text);
        }

        var sink = new RecordingDiagnosticSink(string.Empty);
        var result = ConfigLoader.Load(files.Select(f => f.Name).ToList(), options ?? new ConfigLoadOptions(), env, sink);
        return (result, sink.Text);
    }

    /// <summary>A valid listen section to append so that "no listen line" does not get in the way.</summary>
    public const string Timeouts = "defaults\n timeout connect 5s\n timeout client 5s\n timeout server 5s\n";
}
