using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Lexical;
using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Parsing.Sections;

internal static partial class ProxyParser
{
    /// <summary>Proxy <c>log global</c> or <c>log &lt;address&gt; &lt;facility&gt; [max [min]]</c>.</summary>
    /// <remarks>Unknown facility or max level exits at once in 1.4 (exit 1, no summary line).</remarks>
    private static ErrorCode ParseLog(ParseState s, LexedLine a, ProxyBuilder p)
    {
        if (a[1] == "global" && a[2].Length == 0)
        {
            p.Logs = [.. s.Global.Logs];
            return ErrorCode.None;
        }

        if (!LogLineParser.HasArgs(a))
        {
            return s.Alert($"{s.At}'log' expects either <address[:port]> and <facility> or 'global' as arguments.\n");
        }

        var facility = SyslogNames.Facility(a[2]);
        if (facility < 0)
        {
            s.Diag.Alert($"{s.At}unknown log facility '{a[2]}'\n");
            throw new ConfigExitException();
        }

        var level = 7;
        if (a[3].Length > 0)
        {
            level = SyslogNames.Level(a[3]);
            if (level < 0)
            {
                s.Diag.Alert($"{s.At}unknown optional log level '{a[3]}'\n");
                throw new ConfigExitException();
            }
        }

        // 1.4 checks the max level again instead of the min level: a bad minimum is accepted.
        var min = a[4].Length > 0 ? Math.Max(SyslogNames.Level(a[4]), 0) : 0;

        var address = LogLineParser.ParseAddress(s, a[1], out var err);
        if (address is null)
        {
            return err;
        }

        if (p.Logs.Count >= 2)
        {
            return s.Alert($"{s.At}too many syslog servers\n");
        }

        p.Logs.Add(LogLineParser.Target(s, address, facility, level, min));
        return ErrorCode.None;
    }
}
