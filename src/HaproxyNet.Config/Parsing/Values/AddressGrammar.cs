using System.Net;
using HaproxyNet.Config.Environment;

namespace HaproxyNet.Config.Parsing.Values;

/// <summary>Server, source, dispatch and log addresses: <c>host[:port]</c> (<c>standard.c str2sa</c>).</summary>
public static class AddressGrammar
{
    /// <summary>Everything up to the last colon is the host, the rest the port.</summary>
    private static (string Host, string? Port) SplitAtLastColon(string text)
    {
        var colon = text.LastIndexOf(':');
        return colon < 0 ? (text, null) : (text[..colon], text[(colon + 1)..]);
    }

    /// <summary><c>str2sa</c>: null when the host does not resolve ("Unknown host in ...").</summary>
    internal static SocketAddress? ParseServerAddress(string text, IConfigEnvironment environment)
    {
        var (host, port) = SplitAtLastColon(text);
        var portValue = port is null ? 0 : IntegerGrammar.ParseLong(port);
        if (host.Length == 0 || host[0] == '*')
        {
            return new SocketAddress(IPAddress.Any, portValue, port);
        }

        return HostResolver.TryResolve(host, environment, out var address)
            ? new SocketAddress(address, portValue, port)
            : null;
    }

    /// <summary><c>str2sa_range</c>: like str2sa with an optional <c>low-high</c> port range.</summary>
    internal static SocketAddress? ParseSourceAddress(string text, IConfigEnvironment environment, out long low, out long high)
    {
        var sa = ParseServerAddress(text, environment);
        low = high = sa?.Port ?? 0;
        if (sa?.PortText is { } p)
        {
            var dash = p.IndexOf('-');
            low = IntegerGrammar.ParseLong(dash < 0 ? p : p[..dash]);
            high = dash < 0 ? low : IntegerGrammar.ParseLong(p[(dash + 1)..]);
        }

        return sa;
    }
}
