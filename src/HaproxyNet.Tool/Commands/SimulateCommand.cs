using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using HaproxyNet.LogDiff.Input;
using HaproxyNet.Simulation;

namespace HaproxyNet.Tool.Commands;

/// <summary><c>simulate -f haproxy.cfg LOAD</c>: the real engine in virtual time, its log, a summary and a timeline picture.</summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Option<FileInfo>("-f") { Description = "the haproxy.cfg to run", Required = true };
        var load = new Argument<FileInfo>("LOAD") { Description = "a load description (JSON) or an HAProxy log to replay" };
        var set = new Option<string[]>("--set") { Description = "what-if change, e.g. \"backend/server minconn=10\" or \"backend fullconn=8\" (repeatable)", AllowMultipleArgumentsPerToken = false };
        var define = new Option<string[]>("--define") { Description = "value of a ${NAME} placeholder in the config, NAME=VALUE (repeatable; *PORT placeholders get free ports)" };
        var png = new Option<FileInfo?>("--png") { Description = "write the timeline picture as PNG" };
        var svg = new Option<FileInfo?>("--svg") { Description = "write the timeline picture as SVG" };
        var quiet = new Option<bool>("--no-log") { Description = "do not print the log lines" };
        var logFile = new Option<FileInfo?>("--log") { Description = "also write the log lines to this file (1.4 datagram framing, for logdiff)" };
        var step = new Option<int>("--step-ms") { Description = "timeline sampling step in virtual ms", DefaultValueFactory = _ => 10 };
        var command = new Command("simulate", "Run the configuration with the real engine on a simulated network in virtual time.")
        {
            file, load, set, define, png, svg, quiet, logFile, step,
        };
        command.SetAction(r => Run(
            r.GetValue(file)!, r.GetValue(load)!, r.GetValue(set) ?? [], r.GetValue(define) ?? [], r.GetValue(png), r.GetValue(svg),
            !r.GetValue(quiet), r.GetValue(logFile), r.GetValue(step), stdout, stderr));
        return command;
    }

    public static int Run(
        FileInfo config, FileInfo loadFile, IReadOnlyList<string> sets, IReadOnlyList<string> defines, FileInfo? png, FileInfo? svg,
        bool printLog, FileInfo? logFile, int stepMs, TextWriter stdout, TextWriter stderr)
    {
        var document = ToolConfig.Load(config.FullName, defines, sets, stderr);
        if (document is null)
        {
            return ToolMain.UsageError;
        }

        LoadDescription load;
        try
        {
            load = ReadLoad(loadFile.FullName);
        }
        catch (Exception ex) when (ex is IOException or FormatException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            stderr.WriteLine("simulate: " + loadFile.Name + ": " + ex.Message);
            return ToolMain.UsageError;
        }

        SimulationResult result;
        try
        {
            result = SimulationRunner.Run(document, load, Math.Max(1, stepMs));
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine("simulate: " + ex.Message);
            return ToolMain.UsageError;
        }

        if (printLog)
        {
            foreach (var line in result.Lines)
            {
                stdout.WriteLine(line.Line);
            }

            stdout.WriteLine();
        }

        if (logFile is not null)
        {
            var lines = new List<string>(result.Lines.Count);
            foreach (var line in result.Lines)
            {
                lines.Add(line.Line);
            }

            HaproxyNet.LogDiff.LogFile.WriteLines(logFile.FullName, lines);
        }

        stdout.Write(FormatSummary(result, sets));
        if (png is not null)
        {
            TimelinePlot.SavePng(result, png.FullName);
            stdout.WriteLine("timeline: " + png.FullName);
        }

        if (svg is not null)
        {
            TimelinePlot.SaveSvg(result, svg.FullName);
            stdout.WriteLine("timeline: " + svg.FullName);
        }

        return ToolMain.Ok;
    }

    /// <summary>JSON load description when the file starts with '{', else an HAProxy log.</summary>
    internal static LoadDescription ReadLoad(string path)
    {
        var text = File.ReadAllText(path);
        return text.TrimStart().StartsWith('{')
            ? LoadDescription.FromJson(text)
            : LoadDescription.FromLog(SyslogRecordReader.Read(text));
    }

    internal static string FormatSummary(SimulationResult result, IReadOnlyList<string> sets)
    {
        var s = result.Summary;
        var text = new System.Text.StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"simulated {result.DurationMs} ms of virtual time in {result.Elapsed.TotalMilliseconds:F0} ms");
        text.Append(sets.Count > 0 ? " with --set " + string.Join(", ", sets) : string.Empty).Append('\n');
        text.Append(inv, $"clients: {s.Clients}, sessions logged: {s.Sessions}, served: {s.Served}, queued: {s.Queued}, max backend queue: {s.MaxBackendQueue}\n");
        if (s.Cut.Count == 0)
        {
            text.Append("cut: none\n");
        }
        else
        {
            text.Append("cut:");
            foreach (var (state, count) in s.Cut)
            {
                text.Append(inv, $" {count} {state} ({Explain(state)})");
            }

            text.Append('\n');
        }

        foreach (var (server, min, max, served) in s.Limits)
        {
            if (max == 0)
            {
                text.Append(inv, $"server {server}: at most {served} concurrent sessions, no maxconn\n");
                continue;
            }

            text.Append(inv, $"server {server}: at most {served} concurrent sessions, dynamic maxconn {(min == max ? min.ToString(inv) : min.ToString(inv) + ".." + max.ToString(inv))} while busy\n");
        }

        return text.ToString();
    }

    private static string Explain(string state)
    {
        var who = state[0] switch
        {
            'C' => "client aborted",
            'S' => "server aborted or refused",
            'P' => "proxy aborted",
            'R' => "resource exhausted",
            'I' => "internal error",
            'c' => "client timeout",
            's' => "server-side timeout",
            _ => "?",
        };
        var when = state.Length < 2 ? "?" : state[1] switch
        {
            'R' => "waiting for the request",
            'Q' => "in the queue",
            'C' => "connecting to the server",
            'H' => "waiting for the response headers",
            'D' => "during data transfer",
            'L' => "sending the last data",
            'T' => "tarpitted",
            _ => "?",
        };
        return who + " " + when;
    }
}
