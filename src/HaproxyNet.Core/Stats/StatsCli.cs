using System.Globalization;
using System.Text;
using HaproxyNet.Core.LoadBalancing;
using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.Stats;

/// <summary>
/// The stats socket's commands (1.4.25's <c>stats_sock_parse_request</c>): one line in, its answer out, run on the
/// loop thread. The transport (HaproxyNet.IO's <c>UnixStatsSocket</c>) splits lines and writes the prompt.
/// </summary>
public static class StatsCli
{
    /// <summary>1.4.25's help text, byte for byte.</summary>
    public const string Help =
        "Unknown command. Please enter one of the following commands only :\n" +
        "  clear counters : clear max statistics counters (add 'all' for all counters)\n" +
        "  help           : this message\n" +
        "  prompt         : toggle interactive mode with prompt\n" +
        "  quit           : disconnect\n" +
        "  show info      : report information about the running process\n" +
        "  show stat      : report counters for each proxy and server\n" +
        "  show errors    : report last request and response errors for each proxy\n" +
        "  show sess [id] : report the list of current sessions or dump this session\n" +
        "  get weight     : report a server's current weight\n" +
        "  set weight     : change a server's weight\n" +
        "  set timeout    : change a timeout setting\n" +
        "  disable server : set a server in maintenance mode\n" +
        "  enable server  : re-enable a server that was previously in maintenance mode\n";

    /// <summary>HaproxyNet's own command, listed after 1.4's (it does not exist in 1.4.25).</summary>
    public const string HelpOwn =
        "  show dynmaxconn: report each server's dynamic maxconn inputs, limit and queue (HaproxyNet)\n";

    private const string PermissionDenied = "Permission denied\n";

    /// <summary>
    /// Runs every command of <paramref name="line"/> (split on <c>;</c>), appending each answer followed by the
    /// post-command prompt (<c>\n</c>, or <c>\n&gt; </c> in interactive mode).
    /// </summary>
    public static void ExecuteLine(EngineLoop loop, CliConnection cli, string line, StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(cli);
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(output);
        var start = 0;
        while (true)
        {
            var semi = line.IndexOf(';', start);
            var cmd = semi < 0 ? line[start..] : line[start..semi];
            Execute(loop, cli, cmd, output);
            if (cli.Quit)
            {
                return;
            }

            output.Append(cli.Interactive ? "\n> " : "\n");
            if (semi < 0)
            {
                return;
            }

            start = semi + 1;
        }
    }

    /// <summary>One command (no <c>;</c>), its answer without the prompt.</summary>
    public static void Execute(EngineLoop loop, CliConnection cli, string command, StringBuilder o)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(cli);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(o);
        var args = Split(command);
        var a0 = Arg(args, 0);
        if (a0.Length == 0)
        {
            if (!cli.Interactive)
            {
                o.Append(Help);
            }

            return;
        }

        switch (a0)
        {
            case "show":
                Show(loop, cli, args, o);
                return;
            case "clear":
                if (Arg(args, 1) != "counters")
                {
                    break;
                }

                var all = Arg(args, 2) == "all";
                if (cli.Level < (all ? CliLevel.Admin : CliLevel.Operator))
                {
                    o.Append(PermissionDenied);
                    return;
                }

                StatsCounters.Clear(loop, all);
                return;
            case "get":
                if (Arg(args, 1) != "weight")
                {
                    break;
                }

                GetWeight(loop, args, o);
                return;
            case "set":
                if (Arg(args, 1) == "weight")
                {
                    SetWeight(loop, cli, args, o);
                    return;
                }

                if (Arg(args, 1) == "timeout")
                {
                    SetTimeout(cli, args, o);
                    return;
                }

                break;
            case "disable":
            case "enable":
                if (Arg(args, 1) != "server")
                {
                    break;
                }

                EnableDisable(loop, cli, args, a0 == "enable", o);
                return;
            case "prompt":
                cli.Interactive = !cli.Interactive;
                return;
            case "quit":
                cli.Quit = true;
                return;
        }

        AppendHelp(o);
    }

    private static void AppendHelp(StringBuilder o) => o.Append(Help).Append(HelpOwn);

    private static void Show(EngineLoop loop, CliConnection cli, List<string> args, StringBuilder o)
    {
        switch (Arg(args, 1))
        {
            case "info":
                ShowInfo.Write(o, loop);
                return;
            case "stat":
                var filter = StatsFilter.All;
                if (args.Count >= 5)
                {
                    filter = new StatsFilter(Atoi(args[2]), Atoi(args[3]), Atoi(args[4]));
                }

                StatsCsv.Write(o, loop, filter);
                return;
            case "sess":
                if (cli.Level < CliLevel.Operator)
                {
                    o.Append(PermissionDenied);
                    return;
                }

                ShowSess.Write(o, loop, Arg(args, 2));
                return;
            case "errors":
                if (cli.Level < CliLevel.Operator)
                {
                    o.Append(PermissionDenied);
                    return;
                }

                ShowErrors.Write(o, loop, Arg(args, 2));
                return;
            case "dynmaxconn":
                DynMaxconnReport.Write(o, loop);
                return;
            default:
                AppendHelp(o);
                return;
        }
    }

    private static void GetWeight(EngineLoop loop, List<string> args, StringBuilder o)
    {
        if (!Lookup(loop, Arg(args, 2), o, out var sv))
        {
            return;
        }

        o.Append(sv!.UWeight.ToString(CultureInfo.InvariantCulture)).Append(" (initial ")
            .Append(sv.IWeight.ToString(CultureInfo.InvariantCulture)).Append(")\n");
    }

    private static void SetWeight(EngineLoop loop, CliConnection cli, List<string> args, StringBuilder o)
    {
        if (cli.Level < CliLevel.Admin)
        {
            o.Append(PermissionDenied);
            return;
        }

        var target = Arg(args, 2);
        var value = Arg(args, 3);
        if (target.IndexOf('/', StringComparison.Ordinal) < 0 || value.Length == 0)
        {
            o.Append("Require 'backend/server' and 'weight' or 'weight%'.\n");
            return;
        }

        if (!Lookup(loop, target, o, out var sv))
        {
            return;
        }

        var px = sv!.Proxy;
        if (px.State == ProxyState.Stopped)
        {
            o.Append("Proxy is disabled.\n");
            return;
        }

        var w = Atoi(value);
        if (value.Contains('%', StringComparison.Ordinal))
        {
            if (w < 0 || w > 100)
            {
                o.Append("Relative weight can only be set between 0 and 100% inclusive.\n");
                return;
            }

            w = sv.IWeight * w / 100;
        }
        else if (w < 0 || w > 256)
        {
            o.Append("Absolute weight can only be between 0 and 256 inclusive.\n");
            return;
        }

        var dynamic = px.Lb?.Settings.IsDynamic ?? true;
        if (w != 0 && w != sv.IWeight && !dynamic)
        {
            o.Append("Backend is using a static LB algorithm and only accepts weights '0%' and '100%'.\n");
            return;
        }

        sv.UWeight = w;
        Slowstart.ServerRecalcEweight(sv, loop.Clock.NowSeconds);
    }

    private static void SetTimeout(CliConnection cli, List<string> args, StringBuilder o)
    {
        if (Arg(args, 2) != "cli")
        {
            o.Append("'set timeout' only supports 'cli'.\n");
            return;
        }

        var v = Arg(args, 3);
        if (v.Length == 0)
        {
            o.Append("Expects an integer value.\n");
            return;
        }

        var t = HaproxyNet.Config.Parsing.Values.TimeGrammar.ParseTime(v, HaproxyNet.Config.Parsing.Values.TimeUnit.Seconds);
        if (!t.Ok || t.Value < 1)
        {
            o.Append("Invalid timeout value.\n");
            return;
        }

        cli.TimeoutMs = (int)Math.Min(int.MaxValue, t.Value * 1000);
    }

    private static void EnableDisable(EngineLoop loop, CliConnection cli, List<string> args, bool enable, StringBuilder o)
    {
        if (cli.Level < CliLevel.Admin)
        {
            o.Append(PermissionDenied);
            return;
        }

        if (!Lookup(loop, Arg(args, 2), o, out var sv))
        {
            return;
        }

        if (sv!.Proxy.State == ProxyState.Stopped)
        {
            o.Append("Proxy is disabled.\n");
            return;
        }

        if (enable)
        {
            ServerAdmin.Enable(loop, sv);
        }
        else
        {
            ServerAdmin.Disable(loop, sv);
        }
    }

    /// <summary>1.4's get_backend_server with the CLI's error texts; false when an error was written.</summary>
    private static bool Lookup(EngineLoop loop, string target, StringBuilder o, out Server? sv)
    {
        sv = null;
        var slash = target.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            o.Append("Require 'backend/server'.\n");
            return false;
        }

        var px = ServerAdmin.FindBackend(loop, target[..slash]);
        if (px is null)
        {
            o.Append("No such backend.\n");
            return false;
        }

        sv = ServerAdmin.FindServer(px, target[(slash + 1)..]);
        if (sv is null)
        {
            o.Append("No such server.\n");
            return false;
        }

        return true;
    }

    private static string Arg(List<string> args, int i) => i < args.Count ? args[i] : string.Empty;

    /// <summary>Words split on spaces and tabs, at most 16 (1.4's MAX_STATS_ARGS).</summary>
    private static List<string> Split(string line)
    {
        var words = new List<string>();
        var i = 0;
        while (i < line.Length && words.Count < 16)
        {
            while (i < line.Length && (line[i] == ' ' || line[i] == '\t'))
            {
                i++;
            }

            var start = i;
            while (i < line.Length && line[i] != ' ' && line[i] != '\t')
            {
                i++;
            }

            if (i > start)
            {
                words.Add(line[start..i]);
            }
        }

        return words;
    }

    /// <summary>C's atoi: optional sign and leading digits, 0 when none.</summary>
    public static int Atoi(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var i = 0;
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        var neg = false;
        if (i < s.Length && (s[i] == '-' || s[i] == '+'))
        {
            neg = s[i] == '-';
            i++;
        }

        long v = 0;
        while (i < s.Length && s[i] is >= '0' and <= '9' && v < int.MaxValue)
        {
            v = (v * 10) + (s[i] - '0');
            i++;
        }

        return (int)(neg ? -v : Math.Min(v, int.MaxValue));
    }
}
