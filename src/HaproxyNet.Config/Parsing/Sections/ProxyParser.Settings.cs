using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Lexical;
using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Parsing.Sections;

internal static partial class ProxyParser
{
    private static ErrorCode ParseMonitorNet(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var err = WarnIfNotCap(s, p, ProxyCapabilities.Frontend, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        if (!NetworkGrammar.TryParse(a[1], s.Environment, out var net, out var mask))
        {
            return err | s.Alert($"{s.At}'{a[0]}' expects address[/mask].\n");
        }

        p.MonitorNet = a[1];
        var m = ToHostOrder(mask);
        p.MonitorNetwork = new Acl.AclIpv4Network(ToHostOrder(net) & m, m);
        return err;
    }

    /// <summary>An IPv4 address as a host-order integer (the form <see cref="Acl.AclIpv4Network"/> keeps).</summary>
    private static uint ToHostOrder(System.Net.IPAddress address)
    {
        Span<byte> b = stackalloc byte[4];
        return address.TryWriteBytes(b, out var n) && n == 4 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(b) : 0u;
    }

    private static ErrorCode ParseMonitorUri(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var err = WarnIfNotCap(s, p, ProxyCapabilities.Frontend, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        if (a[1].Length == 0)
        {
            return err | s.Alert($"{s.At}'{a[0]}' expects an URI.\n");
        }

        p.MonitorUri = a[1];
        return err;
    }

    private static ErrorCode ParseMode(ParseState s, LexedLine a, ProxyBuilder p)
    {
        switch (a[1])
        {
            case "http":
                p.Mode = ProxyMode.Http;
                return ErrorCode.None;
            case "tcp":
                p.Mode = ProxyMode.Tcp;
                return ErrorCode.None;
            case "health":
                p.Mode = ProxyMode.Health;
                return ErrorCode.None;
            default:
                return s.Alert($"{s.At}unknown proxy mode '{a[1]}'.\n");
        }
    }

    private static ErrorCode ParseId(ParseState s, LexedLine a, ProxyBuilder p)
    {
        if (p.IsDefaults)
        {
            return NotInDefaults(s, p, a[0], noSpace: true);
        }

        if (a[1].Length == 0)
        {
            return s.Alert($"{s.AtNoSpace}'{a[0]}' expects an integer argument.\n");
        }

        p.Id = IntegerGrammar.ParseInt(a[1]);
        if (p.Id <= 0)
        {
            return s.Alert($"{s.AtNoSpace}custom id has to be > 0.\n");
        }

        if (s.UsedProxyIds.TryGetValue(p.Id, out var target))
        {
            return s.Alert(
                $"{s.AtNoSpace}{p.TypeString} {p.Name} reuses same custom id as {target.TypeString} {target.Name} (declared at {target.Span}).\n");
        }

        s.UsedProxyIds[p.Id] = p;
        return ErrorCode.None;
    }

    private static ErrorCode ParseDescription(ParseState s, LexedLine a, ProxyBuilder p)
    {
        if (p.IsDefaults)
        {
            return NotInDefaults(s, p, a[0], noSpace: true);
        }

        if (a[1].Length == 0)
        {
            // 1.4 returns -1 here: every error bit, which main() reports as "Could not open configuration file".
            s.Diag.Alert($"{s.AtNoSpace}'{a[0]}' expects a string argument.\n");
            return ErrorCode.All;
        }

        p.Description = string.Join(' ', a.Words.Skip(1));
        return ErrorCode.None;
    }

    private static ErrorCode ParseBindProcess(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var err = ErrorCode.None;
        uint set = 0;
        for (var i = 1; a[i].Length > 0; i++)
        {
            if (a[i] == "all")
            {
                set = 0;
                break;
            }

            if (a[i] == "odd")
            {
                set |= 0x55555555;
            }
            else if (a[i] == "even")
            {
                set |= 0xAAAAAAAA;
            }
            else
            {
                var u = IntegerGrammar.ParseUnsigned(a[i]);
                if (u is < 1 or > 32)
                {
                    return err | s.Alert($"{s.AtNoSpace}{a[0]} expects 'all', 'odd', 'even', or process numbers from 1 to 32.\n");
                }

                if (u > Math.Max(s.Global.NbProc, 1))
                {
                    err |= s.Warn($"{s.AtNoSpace}{a[0]} references process number higher than global.nbproc.\n");
                }

                set |= 1u << (u - 1);
            }
        }

        p.BindProcess = set;
        return err;
    }

    private static ErrorCode ParseRetries(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var err = WarnIfNotCap(s, p, ProxyCapabilities.Backend, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        if (a[1].Length == 0)
        {
            return err | s.Alert($"{s.At}'{a[0]}' expects an integer argument (dispatch counts for one).\n");
        }

        p.Retries = IntegerGrammar.ParseInt(a[1]);
        return err;
    }

    private static ErrorCode ParseSendNameHeader(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var err = WarnIfNotCap(s, p, ProxyCapabilities.Backend, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        if (a[1].Length == 0)
        {
            return err | s.Alert($"{s.At}'{a[0]}' requires a header string.\n");
        }

        p.HttpSendNameHeader = a[1];
        return err;
    }

    private static ErrorCode ParseDefaultBackend(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var err = WarnIfNotCap(s, p, ProxyCapabilities.Frontend, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        if (a[1].Length == 0)
        {
            return err | s.Alert($"{s.At}'{a[0]}' expects a backend name.\n");
        }

        p.DefaultBackend = a[1];
        return err;
    }

    private static ErrorCode ParseRedispatch(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var err = s.Warn($"{s.AtNoSpace}keyword '{a[0]}' is deprecated, please use 'option redispatch' instead.\n");
        if (WarnIfNotCap(s, p, ProxyCapabilities.Backend, a[0]))
        {
            err |= ErrorCode.Warn;
        }

        p.Options.Add("redispatch");
        return err;
    }

    private static ErrorCode ParseTransparent(ParseState s, LexedLine a, ProxyBuilder p)
    {
        p.Transparent = true;
        return ErrorCode.None;
    }

    private static ErrorCode ParseMaxConn(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var err = WarnIfNotCap(s, p, ProxyCapabilities.Frontend, a[0], " Maybe you want 'fullconn' instead ?") ? ErrorCode.Warn : ErrorCode.None;
        if (a[1].Length == 0)
        {
            return err | s.Alert($"{s.At}'{a[0]}' expects an integer argument.\n");
        }

        p.MaxConn = IntegerGrammar.ParseInt(a[1]);
        return err;
    }

    private static ErrorCode ParseBacklog(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var err = WarnIfNotCap(s, p, ProxyCapabilities.Frontend, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        if (a[1].Length == 0)
        {
            return err | s.Alert($"{s.At}'{a[0]}' expects an integer argument.\n");
        }

        p.Backlog = IntegerGrammar.ParseInt(a[1]);
        return err;
    }

    private static ErrorCode ParseFullConn(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var err = WarnIfNotCap(s, p, ProxyCapabilities.Backend, a[0], " Maybe you want 'maxconn' instead ?") ? ErrorCode.Warn : ErrorCode.None;
        if (a[1].Length == 0)
        {
            return err | s.Alert($"{s.At}'{a[0]}' expects an integer argument.\n");
        }

        p.FullConn = IntegerGrammar.ParseInt(a[1]);
        return err;
    }

    private static ErrorCode ParseGrace(ParseState s, LexedLine a, ProxyBuilder p)
    {
        if (a[1].Length == 0)
        {
            return s.Alert($"{s.At}'{a[0]}' expects a time in milliseconds.\n");
        }

        var t = TimeGrammar.ParseTime(a[1], TimeUnit.Milliseconds);
        if (!t.Ok)
        {
            return s.Alert($"{s.At}unexpected character '{t.BadChar}' in grace time.\n");
        }

        p.Grace = t.Value;
        return ErrorCode.None;
    }

    private static ErrorCode ParseDispatch(ParseState s, LexedLine a, ProxyBuilder p)
    {
        if (p.IsDefaults)
        {
            return NotInDefaults(s, p, a[0]);
        }

        var err = WarnIfNotCap(s, p, ProxyCapabilities.Backend, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        if (a[1].Length == 0)
        {
            return err | s.Alert($"{s.At}'{a[0]}' expects <addr:port> as argument.\n");
        }

        var sa = AddressGrammar.ParseServerAddress(a[1], s.Environment);
        if (sa is null)
        {
            return err | s.Alert($"{s.At}Unknown host in '{a[1]}'\n");
        }

        p.Dispatch = sa;
        return err;
    }

    private static ErrorCode ParseHashType(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var err = WarnIfNotCap(s, p, ProxyCapabilities.Backend, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        switch (a[1])
        {
            case "consistent":
                p.HashConsistent = true;
                return err;
            case "map-based":
                p.HashConsistent = false;
                return err;
            default:
                return err | s.Alert($"{s.At}'{a[0]}' only supports 'consistent' and 'map-based'.\n");
        }
    }
}
