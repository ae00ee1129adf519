using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Lexical;
using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Parsing.Sections;

internal static partial class ProxyParser
{
    /// <summary><c>server &lt;name&gt; &lt;addr&gt;[:port] [options]</c> and <c>default-server [options]</c>.</summary>
    private static ErrorCode ParseServer(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var isDefault = a[0][0] == 'd';
        var err = ErrorCode.None;
        if (!isDefault && p.IsDefaults)
        {
            return NotInDefaults(s, p, a[0]);
        }

        if (WarnIfNotCap(s, p, ProxyCapabilities.Backend, a[0]))
        {
            // a warning text, but 1.4 counts it as fatal
            err |= ErrorCode.Alert | ErrorCode.Fatal;
        }

        if (a[2].Length == 0)
        {
            return err | s.Alert($"{s.At}'{a[0]}' expects <name> and <addr>[:<port>] as arguments.\n");
        }

        if (NameRules.InvalidChar(a[1]) is { } c)
        {
            return err | s.Alert($"{s.At}character '{c}' is not permitted in server name '{a[1]}'.\n");
        }

        ServerBuilder srv;
        int i;
        if (!isDefault)
        {
            srv = new ServerBuilder { Name = a[1], Span = s.Span };
            p.Servers.Add(srv);
            var sa = AddressGrammar.ParseServerAddress(a[2], s.Environment);
            if (sa is null)
            {
                return err | s.Alert($"{s.At}Unknown host in '{a[2]}'\n");
            }

            srv.Address = sa.Address;
            SetServerPort(srv, sa);
            srv.CheckAddress = sa.Address;
            srv.CopyDefaultsFrom(p.DefaultServer);
            i = 3;
        }
        else
        {
            srv = p.DefaultServer;
            i = 1;
        }

        while (a[i].Length > 0)
        {
            var step = ParseServerOption(s, a, p, srv, isDefault, i, out var optErr);
            err |= optErr;
            if (step == 0)
            {
                return err;
            }

            i += step;
        }

        if (srv.Check)
        {
            err |= FinishCheck(s, p, srv);
        }

        return err;
    }

    private static void SetServerPort(ServerBuilder srv, SocketAddress sa)
    {
        var text = sa.PortText;
        if (text is null || text.Length == 0 || text[0] == '+' || text[0] == '-')
        {
            srv.PortMapped = true;
            srv.Port = text is { Length: > 0 } ? (int)IntegerGrammar.ParseLong(text) : 0;
        }
        else
        {
            srv.Port = unchecked((ushort)sa.Port);
        }
    }

    private static ErrorCode FinishCheck(ParseState s, ProxyBuilder p, ServerBuilder srv)
    {
        if (srv.Track is not null)
        {
            return s.Alert($"{s.AtNoSpace}unable to enable checks and tracking at the same time!\n");
        }

        if (srv.CheckPort == 0 && srv.CheckAddressPort != 0)
        {
            srv.CheckPort = srv.CheckAddressPort;
        }

        if (srv.CheckPort == 0 && !srv.PortMapped)
        {
            srv.CheckPort = srv.Port;
        }

        if (srv.CheckPort == 0 && p.Listeners.Count > 0)
        {
            srv.CheckPort = p.Listeners[^1].Port;
        }

        if (srv.CheckPort == 0)
        {
            return s.Alert($"{s.At}server {srv.Name} has neither service port nor check port. Check has been disabled.\n");
        }

        return ErrorCode.None;
    }
}
