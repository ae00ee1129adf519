using System.Net;
using HaproxyNet.Config.Environment;
using HaproxyNet.Testing.Config;

namespace HaproxyNet.Config.Tests.Property;

/// <summary>
/// The corpus recording host (<see cref="FixedConfigEnvironment"/>: users, groups, error pages, no DNS)
/// with configuration files served from memory, so thousands of generated files never touch the disk.
/// </summary>
internal sealed class InMemoryConfigEnvironment : IConfigEnvironment
{
    private const string NoSuchFile = "No such file or directory";

    private readonly FixedConfigEnvironment _host = new();
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public void SetFile(string path, byte[] content) => _files[path] = content;

    public void Clear() => _files.Clear();

    public bool TryGetUserId(string name, out int uid) => _host.TryGetUserId(name, out uid);

    public bool TryGetGroupId(string name, out int gid) => _host.TryGetGroupId(name, out gid);

    public bool TryReadFile(string path, out byte[] content, out string error) => _host.TryReadFile(path, out content, out error);

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

    public bool TryResolveHost(string name, out IPAddress address) => _host.TryResolveHost(name, out address);
}
