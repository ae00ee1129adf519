using System.Net;
using System.Net.Sockets;
using HaproxyNet.Config.Environment;
using HaproxyNet.Config.Parsing.Lexical;
using Sprache;

namespace HaproxyNet.Config.Parsing.Values;

/// <summary>
/// Listener lists <c>addr:port[-end]{,addr:port[-end]}</c>: the last colon separates the port, a colon left
/// in the address means an unbracketed IPv6 literal.
/// </summary>
/// <remarks>Mirrors <c>cfgparse.c str2listener</c>; its alerts carry no <c>parsing [file:line]</c> prefix.</remarks>
public static class ListenerGrammar
{
    private static readonly Parser<IEnumerable<string>> Elements =
        Scan.Many(static c => c != ',').DelimitedBy(Parse.Char(','));

    private static readonly Parser<IOption<string>> RangeEnd = Scan.Char("-", "dash").Then(_ => Scan.Rest).Optional();

    /// <summary><c>port[-end]</c>, both read with atol.</summary>
    private static readonly Parser<(long Port, long End)> PortRange =
        from first in Scan.Many(static c => c != '-')
        from end in RangeEnd
        select (IntegerGrammar.ParseLong(first), end.IsDefined ? IntegerGrammar.ParseLong(end.Get()) : IntegerGrammar.ParseLong(first));

    /// <summary>
    /// Parses the list. On failure returns false with the exact alert text (newline included); the
    /// listeners created before the failing element are still returned, as 1.4 keeps them.
    /// </summary>
    internal static bool TryParse(string text, IConfigEnvironment environment, List<ListenerAddress> created, out string error)
    {
        error = string.Empty;

        // 1.4 stops at an empty string (while (next && *next)), so "a:1," is fine.
        foreach (var element in Elements.ParseText(text))
        {
            if (element.Length == 0)
            {
                break;
            }

            var colon = element.LastIndexOf(':');
            if (colon < 0)
            {
                error = $"Missing port number: '{element}'\n";
                return false;
            }

            var host = element[..colon];
            var range = element[(colon + 1)..];
            IPAddress address;
            if (host.Contains(':'))
            {
                if (!IPAddress.TryParse(host, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6 || host.Contains('%') || host.Contains('['))
                {
                    error = $"Invalid server address: '{host}'\n";
                    return false;
                }

                address = v6;
            }
            else if (host.Length == 0 || host[0] == '*')
            {
                address = IPAddress.Any;
            }
            else if (!HostResolver.TryResolve(host, environment, out address))
            {
                error = $"Invalid server name: '{host}'\n";
                return false;
            }

            var (port, end) = PortRange.ParseText(range);
            if (port is < 1 or > 65535)
            {
                error = $"Invalid port '{unchecked((int)port)}' specified for address '{host}'.\n";
                return false;
            }

            if (end is < 1 or > 65535)
            {
                error = $"Invalid port '{unchecked((int)end)}' specified for address '{host}'.\n";
                return false;
            }

            for (var p = port; p <= end; p++)
            {
                created.Add(new ListenerAddress(address, (int)p));
            }
        }

        return true;
    }
}
