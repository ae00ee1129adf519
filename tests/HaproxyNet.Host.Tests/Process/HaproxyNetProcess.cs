using System.Diagnostics;

namespace HaproxyNet.Host.Tests.Process;

/// <summary>Runs the built <c>haproxynet.dll</c> (copied next to the tests by the project reference) with <c>dotnet</c>.</summary>
internal static class HaproxyNetProcess
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(20);

    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "haproxynet.dll");

    /// <summary>Runs <c>dotnet haproxynet.dll args</c> in <paramref name="workingDirectory"/>, stdin closed.</summary>
    public static ProcessOutcome Run(string workingDirectory, params string[] args) =>
        RunWithEnvironment(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="Run"/>, with extra environment variables for the child.</summary>
    public static ProcessOutcome RunWithEnvironment(
        string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
        => RunCommand(["dotnet", DllPath], workingDirectory, environment, args);

    /// <summary>Runs <paramref name="command"/> (a program and its first words) followed by <paramref name="args"/>.</summary>
    public static ProcessOutcome RunCommand(
        IReadOnlyList<string> command, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        for (var i = 1; i < command.Count; i++)
        {
            start.ArgumentList.Add(command[i]);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Day of year before and after the run, as the shared harness accepts either (midnight).
        var days = new HashSet<int> { DateTime.Now.DayOfYear - 1 };
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException(command[0] + " did not start");
        process.StandardInput.Close();
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var copyErr = process.StandardError.BaseStream.CopyToAsync(stderr);
        int? exitCode = null;
        if (process.WaitForExit(TimeLimit))
        {
            exitCode = process.ExitCode;
        }
        else
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        Task.WaitAll(copyOut, copyErr);
        days.Add(DateTime.Now.DayOfYear - 1);
        return new ProcessOutcome(exitCode, stdout.ToArray(), stderr.ToArray(), process.Id, days);
    }
}
