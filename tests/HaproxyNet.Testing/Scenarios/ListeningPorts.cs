using System.Globalization;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>TCP ports in LISTEN state, read from <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c>.</summary>
/// <remarks>
/// Reading the kernel table instead of probing with a connection matters: a probe would be a session the proxy
/// logs (or counts in <c>Proxy X stopped (FE: n conns ...)</c>), and the golden logs have none.
/// </remarks>
public static class ListeningPorts
{
    private const string ListenState = "0A";

    /// <summary>The listening ports, or null when /proc is not available.</summary>
    public static HashSet<int>? Read()
    {
        var ports = new HashSet<int>();
        var found = false;
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(table);
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            found = true;
            ParseTable(lines, ports);
        }

        return found ? ports : null;
    }

    /// <summary>Adds the local port of every LISTEN row of a /proc/net/tcp table (first line is the header).</summary>
    public static void ParseTable(IReadOnlyList<string> lines, ISet<int> ports)
    {
        for (var n = 1; n < lines.Count; n++)
        {
            var parts = lines[n].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length <= 3 || parts[3] != ListenState)
            {
                continue;
            }

            // local_address is HEXIP:HEXPORT.
            var local = parts[1];
            var colon = local.LastIndexOf(':');
            if (colon >= 0 && int.TryParse(local.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port))
            {
                ports.Add(port);
            }
        }
    }
}
