using System.CommandLine;
using HaproxyNet.LogDiff.Comparison;
using HaproxyNet.LogDiff.Input;

namespace HaproxyNet.Tool.Commands;

/// <summary><c>logdiff A B</c>: the harness's comparer on two operators' logs.</summary>
internal static class LogDiffCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var a = new Argument<FileInfo>("A") { Description = "reference log (e.g. HAProxy 1.4's): datagrams, rsyslog file or journalctl text" };
        var b = new Argument<FileInfo>("B") { Description = "log to compare (e.g. HaproxyNet's), any of the same forms" };
        var json = new Option<bool>("--json") { Description = "print the comparison as JSON" };
        var limit = new Option<int>("--limit") { Description = "differences shown in the text report", DefaultValueFactory = _ => DifferenceReport.DefaultLimit };
        var command = new Command("logdiff", "Compare two HAProxy logs session by session: timers within max(100 ms, 20 %), other fields exact. Exit 0 equal, 1 different, 2 input error.")
        {
            a, b, json, limit,
        };
        command.SetAction(result => Run(result.GetValue(a)!, result.GetValue(b)!, result.GetValue(json), result.GetValue(limit), stdout, stderr));
        return command;
    }

    public static int Run(FileInfo a, FileInfo b, bool json, int limit, TextWriter stdout, TextWriter stderr)
    {
        OperatorLog logA, logB;
        try
        {
            logA = OperatorLog.ReadFile(a.FullName);
            logB = OperatorLog.ReadFile(b.FullName);
        }
        catch (IOException ex)
        {
            stderr.WriteLine("logdiff: " + ex.Message);
            return ToolMain.UsageError;
        }
        catch (UnauthorizedAccessException ex)
        {
            stderr.WriteLine("logdiff: " + ex.Message);
            return ToolMain.UsageError;
        }

        foreach (var log in new[] { logA, logB })
        {
            if (log.Records.Count == 0)
            {
                stderr.WriteLine("logdiff: " + log.Name + ": no log line");
                return ToolMain.UsageError;
            }
        }

        var comparison = OperatorComparison.Run(logA, logB);
        stdout.Write(json ? comparison.ToJson() : comparison.Report(limit));
        return comparison.Equal ? ToolMain.Ok : ToolMain.Different;
    }
}
