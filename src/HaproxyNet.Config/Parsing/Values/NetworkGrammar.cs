using System.Net;
using HaproxyNet.Config.Environment;
using HaproxyNet.Config.Parsing.Lexical;
using Sprache;

namespace HaproxyNet.Config.Parsing.Values;

/// <summary>Networks <c>addr[/mask]</c>, mask dotted or CIDR, no mask = /32 (<c>standard.c str2net</c>).</summary>
public static class NetworkGrammar
{
    private static readonly Parser<int> CidrLength =
        Scan.AtLeastOnce(char.IsDigit, "digit").End().Select(d => d.Length > 3 ? 99 : int.Parse(d));

    /// <summary>Returns false when 1.4 refuses the network.</summary>
    internal static bool TryParse(string text, IConfigEnvironment environment, out IPAddress network, out IPAddress mask)
    {
        network = IPAddress.Any;
        mask = IPAddress.Broadcast;
        var host = text;
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            host = text[..slash];
            var m = text[(slash + 1)..];
            if (m.Contains('.'))
            {
                if (!Ipv4Grammar.TryParsePton(m, out mask))
                {
                    return false;
                }
            }
            else
            {
                var r = CidrLength.TryParseText(m);
                if (!r.WasSuccessful || r.Value > 32)
                {
                    return false;
                }

                var bits = r.Value == 0 ? 0u : uint.MaxValue << (32 - r.Value);
                mask = new IPAddress(new[] { (byte)(bits >> 24), (byte)(bits >> 16), (byte)(bits >> 8), (byte)bits });
            }
        }

        return HostResolver.TryResolve(host, environment, out network);
    }
}
