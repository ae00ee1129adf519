using System.CommandLine;
using HaproxyNet.Tool.Commands;

namespace HaproxyNet.Tool;

/// <summary>
/// <c>haproxynet-tool</c>: the operator's companion beside <c>haproxynet</c> (which keeps 1.4's command line).
/// Exit codes: 0 success / equal / clean, 1 different / findings, 2 usage or input error.
/// </summary>
public static class ToolMain
{
    public const int Ok = 0;
    public const int Different = 1;
    public const int UsageError = 2;

    /// <summary>Parses <paramref name="args"/> and runs the command, writing to <paramref name="stdout"/> and <paramref name="stderr"/>.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("haproxynet-tool: compare HAProxy logs, summarise them, replay a configuration in virtual time, lint it.")
        {
            LogDiffCommand.Create(stdout, stderr),
            LogStatCommand.Create(stdout, stderr),
            SimulateCommand.Create(stdout, stderr),
            LintCommand.Create(stdout, stderr),
        };
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                stderr.WriteLine("haproxynet-tool: " + error.Message);
            }

            stderr.WriteLine("try 'haproxynet-tool --help'");
            return UsageError;
        }

        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return result.Invoke(config);
    }
}
