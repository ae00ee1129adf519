using System.Net;
using HaproxyNet.Config.Environment;

namespace HaproxyNet.Config.Parsing.Values;

/// <summary>Name to IPv4 the way 1.4 does it at parse time: literal first, then <c>gethostbyname</c>.</summary>
/// <remarks>
/// glibc answers digits-and-dots names itself (inet_aton, no DNS); everything else goes to the
/// environment seam, which decides what resolves.
/// </remarks>
internal static class HostResolver
{
    public static bool TryResolve(string name, IConfigEnvironment environment, out IPAddress address)
    {
        if (Ipv4Grammar.TryParsePton(name, out address))
        {
            return true;
        }

        return GetHostByName(name, environment, out address);
    }

    /// <summary><c>gethostbyname</c> alone (after a failed <c>inet_pton</c>).</summary>
    public static bool GetHostByName(string name, IConfigEnvironment environment, out IPAddress address)
    {
        address = IPAddress.Any;
        if (name.Length == 0)
        {
            return false;
        }

        if (char.IsAsciiDigit(name[0]))
        {
            var end = 0;
            while (end < name.Length && (char.IsAsciiDigit(name[end]) || name[end] == '.'))
            {
                end++;
            }

            if (end == name.Length)
            {
                return !name.EndsWith('.') && Ipv4Grammar.TryParseAton(name, out address);
            }

            // Recorded on the reference host: "10.5.1.70:8000,10.5.1.70" resolves to 10.5.1.70, as if the
            // numeric prefix were read with inet_aton's lenient trailing rule.
            var looksIpv6 = name.Contains(':') && IPAddress.TryParse(name, out var v6)
                && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
            if (!looksIpv6 && !char.IsAsciiLetterOrDigit(name[end]) && name[end] != '-' && Ipv4Grammar.TryParseAton(name[..end], out address))
            {
                return true;
            }
        }

        return environment.TryResolveHost(name, out address);
    }
}
