using System.Net;
using HaproxyNet.Config.Environment;

namespace HaproxyNet.Benchmarks;

/// <summary>Serves one in-memory configuration file; no users, groups or names resolve except localhost.</summary>
internal sealed class BenchmarkConfigEnvironment : IConfigEnvironment
{
    private readonly string _name;
    private readonly byte[] _content;

    public BenchmarkConfigEnvironment(string name, byte[] content)
    {
        _name = name;
        _content = content;
    }

    public bool TryGetUserId(string name, out int uid)
    {
        uid = 0;
        return false;
    }

    public bool TryGetGroupId(string name, out int gid)
    {
        gid = 0;
        return false;
    }

    public bool TryReadFile(string path, out byte[] content, out string error)
    {
        content = [];
        error = "No such file or directory";
        return false;
    }

    public Stream? OpenConfigFile(string path, out string error)
    {
        error = path == _name ? string.Empty : "No such file or directory";
        return path == _name ? new MemoryStream(_content, writable: false) : null;
    }

    public bool TryResolveHost(string name, out IPAddress address)
    {
        address = name == "localhost" ? IPAddress.Loopback : IPAddress.None;
        return name == "localhost";
    }
}
