using HaproxyNet.Config.Parsing.Lexical;

namespace HaproxyNet.Config.Parsing.Sections;

internal static partial class GlobalParser
{
    /// <summary>Global <c>log</c>: every bad word is a fatal alert, and the target is still recorded.</summary>
    private static ErrorCode ParseLog(ParseState s, LexedLine a)
    {
        if (!LogLineParser.HasArgs(a))
        {
            return s.Alert($"{s.At}'{a[0]}' expects <address> and <facility> as arguments.\n");
        }

        var err = ErrorCode.None;
        var facility = SyslogNames.Facility(a[2]);
        if (facility < 0)
        {
            err |= s.Alert($"{s.At}unknown log facility '{a[2]}'\n");
            facility = 0;
        }

        var level = 7;
        if (a[3].Length > 0)
        {
            level = SyslogNames.Level(a[3]);
            if (level < 0)
            {
                err |= s.Alert($"{s.At}unknown optional log level '{a[3]}'\n");
                level = 0;
            }
        }

        var min = 0;
        if (a[4].Length > 0)
        {
            min = SyslogNames.Level(a[4]);
            if (min < 0)
            {
                err |= s.Alert($"{s.At}unknown optional minimum log level '{a[4]}'\n");
                min = 0;
            }
        }

        var address = LogLineParser.ParseAddress(s, a[1], out var addrErr);
        if (address is null)
        {
            return err | addrErr;
        }

        if (s.Global.Logs.Count >= 2)
        {
            return err | s.Alert($"{s.At}too many syslog servers\n");
        }

        s.Global.Logs.Add(LogLineParser.Target(s, address, facility, level, min));
        return err;
    }

    /// <summary>Global <c>stats socket|timeout|maxconn</c> (keyword-table parser: alerts print with a space).</summary>
    private static ErrorCode ParseStats(ParseState s, LexedLine a)
    {
        var g = s.Global;
        ErrorCode Fail(string msg) => s.Alert($"{s.At}{msg}\n");

        switch (a[1])
        {
            case "socket":
                if (a[2].Length == 0)
                {
                    return Fail("'stats socket' in global section expects a path to a UNIX socket");
                }

                if (g.StatsSocket is not null)
                {
                    return Fail("'stats socket' already specified in global section");
                }

                if (a[2].Length >= 108)
                {
                    return Fail("'stats socket' path would require truncation");
                }

                g.StatsSocket = a[2];
                for (var i = 3; i < a.Words.Count && a[i].Length > 0; i += 2)
                {
                    switch (a[i])
                    {
                        case "uid":
                            g.StatsSocketUid = Values.IntegerGrammar.ParseInt(a[i + 1]);
                            break;
                        case "gid":
                            g.StatsSocketGid = Values.IntegerGrammar.ParseInt(a[i + 1]);
                            break;
                        case "mode":
                            g.StatsSocketMode = OctalPrefix(a[i + 1]);
                            break;
                        case "user":
                            if (!s.Environment.TryGetUserId(a[i + 1], out var uid))
                            {
                                return Fail($"unknown user '{a[i + 1]}' in 'global' section ('stats user')");
                            }

                            g.StatsSocketUid = (int)uid;
                            break;
                        case "group":
                            if (!s.Environment.TryGetGroupId(a[i + 1], out var gid))
                            {
                                return Fail($"unknown group '{a[i + 1]}' in 'global' section ('stats group')");
                            }

                            g.StatsSocketGid = (int)gid;
                            break;
                        case "level":
                            if (a[i + 1] is not ("user" or "operator" or "admin"))
                            {
                                return Fail("'stats socket level' only supports 'user', 'operator', and 'admin'");
                            }

                            g.StatsSocketLevel = a[i + 1];
                            break;
                        default:
                            return Fail("'stats socket' only supports 'user', 'uid', 'group', 'gid', 'level', and 'mode'");
                    }
                }

                return ErrorCode.None;
            case "timeout":
                var t = Values.TimeGrammar.ParseTime(a[2], Values.TimeUnit.Milliseconds);
                if (!t.Ok)
                {
                    return Fail($"unexpected character '{t.BadChar}' in 'stats timeout' in 'global' section");
                }

                if (t.Value == 0)
                {
                    return Fail("a positive value is expected for 'stats timeout' in 'global section'");
                }

                g.StatsTimeout = t.Value;
                return ErrorCode.None;
            case "maxconn":
                var m = Values.IntegerGrammar.ParseInt(a[2]);
                if (m <= 0)
                {
                    return Fail("a positive value is expected for 'stats maxconn' in 'global section'");
                }

                g.StatsMaxConn = m;
                return ErrorCode.None;
            default:
                return Fail("'stats' only supports 'socket', 'maxconn' and 'timeout' in 'global' section");
        }
    }

    /// <summary>strtol(text, NULL, 8): the leading octal digits, 0 when none.</summary>
    private static int OctalPrefix(string text)
    {
        var v = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '7' || v > 0x7FFFFFF)
            {
                break;
            }

            v = (v * 8) + (c - '0');
        }

        return v;
    }
}
