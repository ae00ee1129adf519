using System.Diagnostics;
using System.Text.Json.Nodes;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>
/// Runs code against the shared Python harness (logcompare.py), the reference this port must agree with.
/// Found through <c>HAPROXYNET_LOGCOMPARE</c> (path of logcompare.py) or <c>&lt;repo&gt;/../shared/logcompare/</c>.
/// </summary>
public static class PythonLogcompare
{
    private static readonly Lazy<string?> Python3Lazy = new(() => FindOnPath("python3"));
    private static readonly Lazy<string?> ScriptLazy = new(FindScript);

    /// <summary>Why parity tests cannot run here, or null when they can.</summary>
    public static string? Unavailable =>
        Python3Lazy.Value is null ? "python3 not found on PATH"
        : ScriptLazy.Value is null ? "logcompare.py not found (set HAPROXYNET_LOGCOMPARE or keep ../shared/logcompare next to the repo)"
        : null;

    /// <summary>Full path of python3, or null.</summary>
    public static string? Python3 => Python3Lazy.Value;

    /// <summary>Full path of logcompare.py, or null.</summary>
    public static string? Script => ScriptLazy.Value;

    /// <summary>Runs <paramref name="code"/> with <c>lc</c> = the logcompare module and <c>data</c> = <paramref name="input"/>; returns what it prints as JSON.</summary>
    public static JsonNode Run(string code, JsonNode input)
    {
        var program = "import json, sys\nsys.path.insert(0, sys.argv[1])\nimport logcompare as lc\ndata = json.load(sys.stdin)\n" + code;
        var info = new ProcessStartInfo(Python3Lazy.Value!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(program);
        info.ArgumentList.Add(Path.GetDirectoryName(ScriptLazy.Value!)!);
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(info)!;
        process.StandardInput.Write(input.ToJsonString());
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException("python reference did not finish in 60 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("python reference failed: " + stderr.Result);
        }

        return JsonNode.Parse(stdout.Result)!;
    }

    /// <summary>Runs <c>python3 logcompare.py &lt;arguments&gt;</c>; returns exit code and stdout.</summary>
    public static (int ExitCode, string Output) RunScript(params string[] arguments)
    {
        var info = new ProcessStartInfo(Python3Lazy.Value!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ScriptLazy.Value!);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill();
            throw new TimeoutException("logcompare.py did not finish in 120 s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string? FindScript()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("HAPROXYNET_LOGCOMPARE"),
            Path.Combine(TestDataPaths.RepoRoot, "..", "shared", "logcompare", "logcompare.py"),
        };
        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    private static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
