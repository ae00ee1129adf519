using System.CommandLine;
using HaproxyNet.LogDiff.Input;
using HaproxyNet.Tool.Stats;

namespace HaproxyNet.Tool.Commands;

/// <summary><c>logstat LOG</c>: halog-style statistics of a 1.4-format log.</summary>
internal static class LogStatCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var log = new Argument<FileInfo>("LOG") { Description = "an HAProxy log: datagrams, rsyslog file or journalctl text" };
        var urls = new Option<int>("--urls") { Description = "how many slowest URLs to list", DefaultValueFactory = _ => 10 };
        var command = new Command("logstat", "Per-server and per-status counts, errors, queue times, slowest URLs and termination states (like halog).")
        {
            log, urls,
        };
        command.SetAction(r => Run(r.GetValue(log)!, r.GetValue(urls), stdout, stderr));
        return command;
    }

    public static int Run(FileInfo log, int urls, TextWriter stdout, TextWriter stderr)
    {
        IReadOnlyList<SyslogRecord> records;
        try
        {
            records = SyslogRecordReader.ReadFile(log.FullName);
        }
        catch (IOException ex)
        {
            stderr.WriteLine("logstat: " + ex.Message);
            return ToolMain.UsageError;
        }

        var stats = LogStatistics.From(records);
        if (stats.Sessions == 0)
        {
            stderr.WriteLine("logstat: " + log.Name + ": no tcplog or httplog line");
            return ToolMain.UsageError;
        }

        stdout.Write(stats.Format(urls));
        return ToolMain.Ok;
    }
}
