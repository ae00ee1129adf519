using System.Net;
using HaproxyNet.Config.Environment;

namespace HaproxyNet.Config.Tests.Property;

/// <summary>A fixed host for property runs: files from memory, a few users, groups and host names.</summary>
/// <remarks>Private to the property tests until the shared FixedConfigEnvironment lands in the testing kit.</remarks>
internal sealed class InMemoryConfigEnvironment : IConfigEnvironment
{
    private const string NoSuchFile = "No such file or directory";

    private static readonly Dictionary<string, int> Users = new(StringComparer.Ordinal)
    {
        ["root"] = 0,
        ["nobody"] = 65534,
        ["haproxy"] = 99,
    };

    private static readonly Dictionary<string, int> Groups = new(StringComparer.Ordinal)
    {
        ["root"] = 0,
        ["nogroup"] = 65534,
        ["haproxy"] = 99,
    };

    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public void SetFile(string path, byte[] content) => _files[path] = content;

    public void Clear() => _files.Clear();

    public bool TryGetUserId(string name, out int uid) => Users.TryGetValue(name, out uid);

    public bool TryGetGroupId(string name, out int gid) => Groups.TryGetValue(name, out gid);

    public bool TryReadFile(string path, out byte[] content, out string error)
    {
        if (_files.TryGetValue(path, out var bytes))
        {
            content = bytes;
            error = string.Empty;
            return true;
        }

        content = [];
        error = NoSuchFile;
        return false;
    }

    public Stream? OpenConfigFile(string path, out string error)
    {
        if (_files.TryGetValue(path, out var bytes))
        {
            error = string.Empty;
            return new MemoryStream(bytes, writable: false);
        }

        error = NoSuchFile;
        return null;
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
