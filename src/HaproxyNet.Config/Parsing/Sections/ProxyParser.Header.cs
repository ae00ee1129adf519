using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Lexical;
using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Parsing.Sections;

internal static partial class ProxyParser
{
    /// <summary>A <c>listen/frontend/backend/ruleset &lt;name&gt; [addresses]</c> header.</summary>
    private static ErrorCode ParseHeader(ParseState s, LexedLine a, ProxyCapabilities cap)
    {
        var err = ErrorCode.None;
        if (a[1].Length == 0)
        {
            return s.Alert(
                $"{s.At}'{a[0]}' expects an <id> argument and\n  optionnally supports [addr1]:port1[-end1]{{,[addr]:port[-end]}}...\n",
                ErrorCode.Alert | ErrorCode.Abort);
        }

        if (NameRules.InvalidChar(a[1]) is { } c)
        {
            err |= s.Alert($"{s.At}character '{c}' is not permitted in '{a[0]}' name '{a[1]}'.\n");
        }

        var p = new ProxyBuilder
        {
            Name = a[1],
            Keyword = a[0],
            Capabilities = cap,
            Span = s.Span,
        };

        // 1.4 walks its proxy list, which holds the newest proxy first while parsing
        for (var i = s.Proxies.Count - 1; i >= 0; i--)
        {
            var other = s.Proxies[i];
            if (other.Name != a[1])
            {
                continue;
            }

            var fePair = cap == (ProxyCapabilities.Frontend | ProxyCapabilities.Ruleset)
                && other.Capabilities == (ProxyCapabilities.Backend | ProxyCapabilities.Ruleset);
            var bePair = cap == (ProxyCapabilities.Backend | ProxyCapabilities.Ruleset)
                && other.Capabilities == (ProxyCapabilities.Frontend | ProxyCapabilities.Ruleset);
            if (!fePair && !bePair)
            {
                err |= s.Warn(
                    $"Parsing [{s.File}:{s.Line}]: {p.TypeString} '{a[1]}' has same name as another {other.TypeString} (declared at {other.Span}).\n");
            }
        }

        s.Proxies.Add(p);
        s.Current = p;

        if (p.HasFrontend && a[2].Length > 0)
        {
            var created = new List<ListenerAddress>();
            var ok = ListenerGrammar.TryParse(a[2], s.Environment, created, out var error);
            AddListeners(s, p, created);
            if (!ok)
            {
                s.Diag.Alert(error);

                // 1.4 leaves before copying the defaults: the proxy keeps its zeroed state.
                p.MaxConn = 0;
                p.Retries = 0;
                p.DefaultServer = new ServerBuilder { Inter = 0, Rise = 0, Fall = 0, Weight = 0, ErrorLimit = 0 };
                return err | ErrorCode.Fatal;
            }
        }

        p.InheritFrom(s.Defaults);
        return err;
    }

    private static void AddListeners(ParseState s, ProxyBuilder p, List<ListenerAddress> created)
    {
        foreach (var l in created)
        {
            p.Listeners.Add(new ListenerBuilder(l.Address, l.Port, s.Span));
        }
    }

    /// <summary><c>bind &lt;addresses&gt; [options]</c>.</summary>
    private static ErrorCode ParseBind(ParseState s, LexedLine a, ProxyBuilder p)
    {
        if (p.IsDefaults)
        {
            return NotInDefaults(s, p, a[0]);
        }

        var err = WarnIfNotCap(s, p, ProxyCapabilities.Frontend, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        if (!a[1].Contains(':'))
        {
            return err | s.Alert($"{s.At}'{a[0]}' expects [addr1]:port1[-end1]{{,[addr]:port[-end]}}... as arguments.\n");
        }

        var created = new List<ListenerAddress>();
        var ok = ListenerGrammar.TryParse(a[1], s.Environment, created, out var error);
        var first = p.Listeners.Count;
        AddListeners(s, p, created);
        if (!ok)
        {
            s.Diag.Alert(error);
            return err | ErrorCode.Alert | ErrorCode.Fatal;
        }

        var mine = p.Listeners.Skip(first).ToList();
        for (var i = 2; a[i].Length > 0;)
        {
            switch (a[i])
            {
                case "interface":
                    if (a[i + 1].Length == 0)
                    {
                        return err | s.Alert($"{s.At}'{a[0]}' : missing interface name.\n");
                    }

                    foreach (var l in mine)
                    {
                        l.Interface = a[i + 1];
                    }

                    i += 2;
                    continue;
                case "mss":
                    if (a[i + 1].Length == 0)
                    {
                        return err | s.Alert($"{s.At}'{a[0]}' : missing MSS value.\n");
                    }

                    var mss = IntegerGrammar.ParseUnsigned(a[i + 1]);
                    if (mss is < 1 or > 65535)
                    {
                        return err | s.Alert($"{s.AtNoSpace}{a[0]} expects an MSS value between 1 and 65535.\n");
                    }

                    foreach (var l in mine)
                    {
                        l.Mss = (int)mss;
                    }

                    i += 2;
                    continue;
                case "defer-accept":
                    foreach (var l in mine)
                    {
                        l.DeferAccept = true;
                    }

                    i++;
                    continue;
                case "transparent":
                    return err | s.Alert($"{s.At}'{a[0]}' : '{a[i]}' option not implemented.\n");
                case "name":
                    foreach (var l in mine)
                    {
                        l.Name = a[i + 1];
                    }

                    i += 2;
                    continue;
                case "id":
                    var idErr = ParseListenerId(s, a, p, mine, i);
                    if (idErr != ErrorCode.None)
                    {
                        return err | idErr;
                    }

                    i += 2;
                    continue;
                default:
                    return err | s.Alert(
                        $"{s.At}'{a[0]}' only supports the 'transparent', 'defer-accept', 'name', 'id', 'mss' and 'interface' options.\n");
            }
        }

        return err;
    }

    private static ErrorCode ParseListenerId(ParseState s, LexedLine a, ProxyBuilder p, List<ListenerBuilder> mine, int i)
    {
        if (mine.Count != 1)
        {
            return s.Alert($"{s.AtNoSpace}'{a[i]}' can be only used with a single socket.\n");
        }

        if (a[i + 1].Length == 0)
        {
            return s.Alert($"{s.AtNoSpace}'{a[i]}' expects an integer argument.\n");
        }

        var id = IntegerGrammar.ParseInt(a[i + 1]);
        mine[0].Id = id;
        if (id <= 0)
        {
            return s.Alert($"{s.AtNoSpace}custom id has to be > 0\n");
        }

        var used = p.Listeners.FirstOrDefault(l => l != mine[0] && l.Id == id);
        if (used is not null)
        {
            return s.Alert($"{s.AtNoSpace}custom id {id} for socket '{a[1]}' already used at {used.Span}.\n");
        }

        return ErrorCode.None;
    }
}
