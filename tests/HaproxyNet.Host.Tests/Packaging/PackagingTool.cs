using System.Diagnostics;

namespace HaproxyNet.Host.Tests.Packaging;

/// <summary>Runs a packaging tool (groff, dpkg-deb, the build script) with a time limit; finds tools on PATH.</summary>
internal static class PackagingTool
{
    public static bool OnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, name)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs <paramref name="program"/> and returns exit code, stdout and stderr (killed after two minutes).</summary>
    public static (int Code, string Stdout, string Stderr) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A fact that needs tools on PATH (installed by <c>.ci/run</c> when absent); skipped without them.</summary>
internal sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        foreach (var tool in tools)
        {
            if (!PackagingTool.OnPath(tool))
            {
                Skip = tool + " is not installed (.ci/run installs it)";
                return;
            }
        }
    }
}
