using System.CommandLine;
using HaproxyNet.Config.Lint;

namespace HaproxyNet.Tool.Commands;

/// <summary><c>lint -f haproxy.cfg</c>: 1.4 pitfalls the configuration's numbers show.</summary>
internal static class LintCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Option<FileInfo>("-f") { Description = "the haproxy.cfg to check", Required = true };
        var define = new Option<string[]>("--define") { Description = "value of a ${NAME} placeholder, NAME=VALUE (repeatable)" };
        var command = new Command("lint", "Report pitfalls of HAProxy 1.4 that the configuration's numbers show (the same checks as HAPROXYNET_LINT=1 haproxynet -c). Exit 0 clean, 1 findings, 2 invalid config.")
        {
            file, define,
        };
        command.SetAction(r => Run(r.GetValue(file)!, r.GetValue(define) ?? [], stdout, stderr));
        return command;
    }

    public static int Run(FileInfo file, IReadOnlyList<string> defines, TextWriter stdout, TextWriter stderr)
    {
        var document = ToolConfig.Load(file.FullName, defines, [], stderr);
        if (document is null)
        {
            return ToolMain.UsageError;
        }

        var findings = ConfigLint.RunAll(document);
        stdout.Write(LintFormatter.Format(findings));
        stdout.WriteLine(findings.Count == 0 ? "lint: no finding" : $"lint: {findings.Count} finding(s)");
        return findings.Count == 0 ? ToolMain.Ok : ToolMain.Different;
    }
}
