using System.Net;
using System.Text;
using HaproxyNet.Config.Acl;
using HaproxyNet.Config.Environment;

namespace HaproxyNet.Config.Tests.Acl;

/// <summary>In-memory files and host names for ACL tests, plus a sink that records what 1.4 would print.</summary>
internal sealed class AclTestEnvironment : IConfigEnvironment, IDiagnosticSink
{
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IPAddress> Hosts { get; } = new(StringComparer.Ordinal);

    public List<string> Warnings { get; } = [];

    public List<string> Alerts { get; } = [];

    public AclParseContext Context => new("test.cfg", 7, this, this);

    public AclTestEnvironment WithFile(string path, string content)
    {
        Files[path] = Encoding.Latin1.GetBytes(content);
        return this;
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
        if (Files.TryGetValue(path, out var bytes))
        {
            content = bytes;
            error = string.Empty;
            return true;
        }

        content = [];
        error = "No such file or directory";
        return false;
    }

    public Stream? OpenConfigFile(string path, out string error)
    {
        error = "No such file or directory";
        return null;
    }

    public bool TryResolveHost(string name, out IPAddress address)
    {
        if (Hosts.TryGetValue(name, out var found))
        {
            address = found;
            return true;
        }

        address = IPAddress.None;
        return false;
    }

    public void Alert(string text) => Alerts.Add(text);

    public void Warning(string text) => Warnings.Add(text);

    /// <summary>Parses "criterion values..." as an acl line named <paramref name="name"/>.</summary>
    public AclDefinition Parse(string line, string name = "a")
    {
        Assert.True(AclParser.TryParse(name, Split(line), Context, out var acl), "expected '" + line + "' to parse");
        return acl;
    }

    public bool TryParse(string line, string name = "a") => AclParser.TryParse(name, Split(line), Context, out _);

    public static string[] Split(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
