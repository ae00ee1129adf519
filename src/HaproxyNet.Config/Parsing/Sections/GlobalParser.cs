using HaproxyNet.Config.Parsing.Lexical;
using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Parsing.Sections;

/// <summary>Keywords of the <c>global</c> section.</summary>
/// <remarks>Mirrors <c>cfgparse.c cfg_parse_global</c> (and <c>dumpstats.c stats_parse_global</c> for <c>stats</c>).</remarks>
internal static partial class GlobalParser
{
    public static ErrorCode Parse(ParseState s, LexedLine a)
    {
        var g = s.Global;
        var kw = a[0];
        switch (kw)
        {
            case "global":
            case "noepoll":
            case "nosepoll":
            case "nokqueue":
            case "nopoll":
            case "nosplice":
                g.Pollers.Add(kw);
                return ErrorCode.None;
            case "daemon":
                g.Daemon = true;
                return ErrorCode.None;
            case "debug":
                g.Debug = true;
                return ErrorCode.None;
            case "quiet":
                g.Quiet = true;
                s.Diag.Quiet = true;
                return ErrorCode.None;
            case "tune.maxpollevents":
                return SetOnce(s, a, ref g.TuneMaxPollEvents);
            case "tune.maxaccept":
                return SetOnce(s, a, ref g.TuneMaxAccept);
            case "tune.pipesize" when s.Options.LinuxSplice:
                return SetAlways(s, a, ref g.TunePipeSize, null);
            case "tune.bufsize":
                return SetAlways(s, a, ref g.TuneBufSize, () =>
                {
                    if (g.TuneMaxRewrite > 0 && g.TuneMaxRewrite >= g.TuneBufSize)
                    {
                        g.TuneMaxRewrite = g.TuneBufSize / 2;
                    }
                });
            case "tune.maxrewrite":
                return SetAlways(s, a, ref g.TuneMaxRewrite, () =>
                {
                    if (g.TuneMaxRewrite >= g.TuneBufSize)
                    {
                        g.TuneMaxRewrite = g.TuneBufSize / 2;
                    }
                });
            case "tune.rcvbuf.client":
                return SetOnce(s, a, ref g.TuneRcvBufClient);
            case "tune.rcvbuf.server":
                return SetOnce(s, a, ref g.TuneRcvBufServer);
            case "tune.sndbuf.client":
                return SetOnce(s, a, ref g.TuneSndBufClient);
            case "tune.sndbuf.server":
                return SetOnce(s, a, ref g.TuneSndBufServer);
            case "tune.chksize":
                return SetAlways(s, a, ref g.TuneChkSize, null);
            case "uid":
                if (g.Uid != 0)
                {
                    return s.Alert($"{s.At}user/uid already specified. Continuing.\n", ErrorCode.Alert);
                }

                return SetAlways(s, a, ref g.Uid, null);
            case "gid":
                if (g.Gid != 0)
                {
                    return s.Alert($"{s.At}group/gid already specified. Continuing.\n", ErrorCode.Alert);
                }

                return SetAlways(s, a, ref g.Gid, null);
            case "user":
                if (g.Uid != 0)
                {
                    return s.Alert($"{s.At}user/uid already specified. Continuing.\n", ErrorCode.Alert);
                }

                if (s.Environment.TryGetUserId(a[1], out var uid))
                {
                    g.Uid = uid;
                    return ErrorCode.None;
                }

                return s.Alert($"{s.At}cannot find user id for '{a[1]}' (0:Success)\n");
            case "group":
                if (g.Gid != 0)
                {
                    return s.Alert($"{s.At}gid/group was already specified. Continuing.\n", ErrorCode.Alert);
                }

                if (s.Environment.TryGetGroupId(a[1], out var gid))
                {
                    g.Gid = gid;
                    return ErrorCode.None;
                }

                return s.Alert($"{s.At}cannot find group id for '{a[1]}' (0:Success)\n");
            case "nbproc":
                return SetOnce(s, a, ref g.NbProc);
            case "maxconn":
                return SetOnce(s, a, ref g.MaxConn);
            case "maxpipes":
                return SetOnce(s, a, ref g.MaxPipes);
            case "ulimit-n":
                return SetOnce(s, a, ref g.UlimitN);
            case "chroot":
                if (g.Chroot is not null)
                {
                    return s.Alert($"{s.At}'{kw}' already specified. Continuing.\n", ErrorCode.Alert);
                }

                if (a[1].Length == 0)
                {
                    return s.Alert($"{s.At}'{kw}' expects a directory as an argument.\n");
                }

                g.Chroot = a[1];
                return ErrorCode.None;
            case "description":
                if (a[1].Length == 0)
                {
                    return s.Alert($"{s.AtNoSpace}'{kw}' expects a string argument.\n");
                }

                g.Description = string.Join(' ', a.Words.Skip(1));
                return ErrorCode.None;
            case "node":
                if (a[1].Length == 0 || a[1].Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_' && c != '.'))
                {
                    return s.Alert(
                        $"{s.AtNoSpace}'{kw}' requires valid node name - non-empty string with digits(0-9), letters(A-Z, a-z), dot(.), hyphen(-) or underscode(_).\n");
                }

                g.Node = a[1];
                return ErrorCode.None;
            case "pidfile":
                if (g.PidFile is not null)
                {
                    return s.Alert($"{s.At}'{kw}' already specified. Continuing.\n", ErrorCode.Alert);
                }

                if (a[1].Length == 0)
                {
                    return s.Alert($"{s.At}'{kw}' expects a file name as an argument.\n");
                }

                g.PidFile = a[1];
                return ErrorCode.None;
            case "log":
                return ParseLog(s, a);
            case "log-send-hostname":
                if (g.LogSendHostname is not null)
                {
                    return s.Alert($"{s.At}'{kw}' already specified. Continuing.\n", ErrorCode.Alert);
                }

                g.LogSendHostname = a[1].Length > 0 ? a[1] : "localhost";
                return ErrorCode.None;
            case "log-tag":
                if (a[1].Length == 0)
                {
                    return s.Alert($"{s.At}'{kw}' expects a tag for use in syslog.\n");
                }

                g.LogTag = a[1];
                return ErrorCode.None;
            case "spread-checks":
                return ParseSpreadChecks(s, a);
            case "stats":
                return ParseStats(s, a);
            default:
                return s.Alert($"{s.At}unknown keyword '{kw}' in '{s.CurrentSectionName}' section\n");
        }
    }

    /// <summary>Integer settings that keep their first value ("already specified. Continuing.").</summary>
    private static ErrorCode SetOnce(ParseState s, LexedLine a, ref int field)
    {
        if (field != 0)
        {
            return s.Alert($"{s.At}'{a[0]}' already specified. Continuing.\n", ErrorCode.Alert);
        }

        return SetAlways(s, a, ref field, null);
    }

    private static ErrorCode SetAlways(ParseState s, LexedLine a, ref int field, Action? after)
    {
        if (a[1].Length == 0)
        {
            return s.Alert($"{s.At}'{a[0]}' expects an integer argument.\n");
        }

        field = IntegerGrammar.ParseInt(a[1]);
        after?.Invoke();
        return ErrorCode.None;
    }

    private static ErrorCode ParseSpreadChecks(ParseState s, LexedLine a)
    {
        var g = s.Global;
        if (g.SpreadChecks != 0)
        {
            return s.Alert($"{s.AtNoSpace}spread-checks already specified. Continuing.\n", ErrorCode.Alert);
        }

        if (a[1].Length == 0)
        {
            return s.Alert($"{s.AtNoSpace}'{a[0]}' expects an integer argument (0..50).\n");
        }

        g.SpreadChecks = IntegerGrammar.ParseInt(a[1]);
        if (g.SpreadChecks is < 0 or > 50)
        {
            return s.Alert($"{s.AtNoSpace}'spread-checks' needs a positive value in range 0..50.\n");
        }

        return ErrorCode.None;
    }
}
