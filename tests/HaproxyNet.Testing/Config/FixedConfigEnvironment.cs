using System.Net;
using HaproxyNet.Config.Environment;

namespace HaproxyNet.Testing.Config;

/// <summary>
/// The host the corpus verdicts were recorded on: a <c>haproxy</c> user and group, ordinary system accounts
/// (but no group <c>nobody</c>), the distribution error pages under <c>/etc/haproxy/errors</c>, and no DNS
/// (only <c>localhost</c> resolves). Configuration files themselves are read from disk.
/// </summary>
/// <param name="baseDirectory">Where relative configuration file names are looked up (1.4's current directory).</param>
public class FixedConfigEnvironment(string? baseDirectory = null) : IConfigEnvironment
{
    private static readonly Dictionary<string, int> BaseUsers = new(StringComparer.Ordinal)
    {
        ["root"] = 0,
        ["daemon"] = 1,
        ["bin"] = 2,
        ["sys"] = 3,
        ["sync"] = 4,
        ["games"] = 5,
        ["man"] = 6,
        ["lp"] = 7,
        ["mail"] = 8,
        ["news"] = 9,
        ["uucp"] = 10,
        ["proxy"] = 13,
        ["www-data"] = 33,
        ["backup"] = 34,
        ["list"] = 38,
        ["irc"] = 39,
        ["nobody"] = 65534,
    };

    private static readonly Dictionary<string, int> BaseGroups = new(StringComparer.Ordinal)
    {
        ["root"] = 0,
        ["daemon"] = 1,
        ["bin"] = 2,
        ["sys"] = 3,
        ["adm"] = 4,
        ["tty"] = 5,
        ["disk"] = 6,
        ["lp"] = 7,
        ["mail"] = 8,
        ["news"] = 9,
        ["uucp"] = 10,
        ["man"] = 12,
        ["proxy"] = 13,
        ["www-data"] = 33,
        ["backup"] = 34,
        ["list"] = 38,
        ["irc"] = 39,
        ["staff"] = 50,
        ["users"] = 100,
        ["nogroup"] = 65534,
    };

    /// <summary>Error pages shipped by the distribution package.</summary>
    public static readonly IReadOnlyList<int> ErrorPageCodes = [400, 403, 408, 500, 502, 503, 504];

    protected virtual bool HasHaproxyAccount => true;

    protected virtual bool HasErrorPages => true;

    public bool TryGetUserId(string name, out int uid)
    {
        if (HasHaproxyAccount && name == "haproxy")
        {
            uid = 108;
            return true;
        }

        return BaseUsers.TryGetValue(name, out uid);
    }

    public bool TryGetGroupId(string name, out int gid)
    {
        if (HasHaproxyAccount && name == "haproxy")
        {
            gid = 113;
            return true;
        }

        return BaseGroups.TryGetValue(name, out gid);
    }

    public bool TryReadFile(string path, out byte[] content, out string error)
    {
        if (path == "/dev/null")
        {
            // Every host has it: an empty error page (testdata/golden/http-own-responses uses it).
            content = [];
            error = string.Empty;
            return true;
        }

        foreach (var code in ErrorPageCodes)
        {
            if (HasErrorPages && path == $"/etc/haproxy/errors/{code}.http")
            {
                content = System.Text.Encoding.ASCII.GetBytes($"HTTP/1.0 {code} Error\r\nCache-Control: no-cache\r\nConnection: close\r\nContent-Type: text/html\r\n\r\n<html><body><h1>{code}</h1></body></html>\n");
                error = string.Empty;
                return true;
            }
        }

        content = [];
        error = "No such file or directory";
        return false;
    }

    public virtual Stream? OpenConfigFile(string path, out string error)
    {
        if (baseDirectory is not null && !Path.IsPathRooted(path))
        {
            path = Path.Combine(baseDirectory, path);
        }

        if (!File.Exists(path))
        {
            error = "No such file or directory";
            return null;
        }

        error = string.Empty;
        return File.OpenRead(path);
    }

    public bool TryResolveHost(string name, out IPAddress address)
    {
        if (name is "localhost" or "localhost.localdomain")
        {
            address = IPAddress.Loopback;
            return true;
        }

        address = IPAddress.None;
        return false;
    }
}
