using System.Globalization;

namespace HaproxyNet.Host.Tests.Runtime;

/// <summary>
/// Finds which descriptor of a running process holds a given TCP socket, from /proc (Linux): the socket's inode in
/// <c>/proc/&lt;pid&gt;/net/tcp</c>, then the <c>/proc/&lt;pid&gt;/fd/N</c> link that reads <c>socket:[inode]</c>.
/// </summary>
internal static class ProcSockets
{
    public const string Listen = "0A";
    public const string Established = "01";

    /// <summary>The fd of the IPv4 socket of <paramref name="pid"/> with that local port, remote port (0 = any) and state; -1 if none.</summary>
    public static int FindFd(int pid, int localPort, int remotePort, string state)
    {
        var owned = SocketInodes(pid);
        foreach (var line in File.ReadLines($"/proc/{pid}/net/tcp").Skip(1))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 10 || f[3] != state || Port(f[1]) != localPort || (remotePort != 0 && Port(f[2]) != remotePort))
            {
                continue;
            }

            if (owned.TryGetValue(f[9], out var fd))
            {
                return fd;
            }
        }

        return -1;
    }

    /// <summary>The inode of the IPv4 listening socket of <paramref name="pid"/> on <paramref name="localPort"/>; null if none.</summary>
    public static string? ListenInode(int pid, int localPort)
    {
        var owned = SocketInodes(pid);
        foreach (var line in File.ReadLines($"/proc/{pid}/net/tcp").Skip(1))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length >= 10 && f[3] == Listen && Port(f[1]) == localPort && owned.ContainsKey(f[9]))
            {
                return f[9];
            }
        }

        return null;
    }

    /// <summary>inode → fd for every socket the process holds.</summary>
    private static Dictionary<string, int> SocketInodes(int pid)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
        {
            string? target;
            try
            {
                target = new FileInfo(entry).LinkTarget;
            }
            catch (IOException)
            {
                continue;
            }

            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                map[target[8..^1]] = int.Parse(Path.GetFileName(entry), CultureInfo.InvariantCulture);
            }
        }

        return map;
    }

    /// <summary>"0100007F:1F90" → 8080.</summary>
    private static int Port(string address) => int.Parse(address[(address.IndexOf(':', StringComparison.Ordinal) + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
