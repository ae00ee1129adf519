using System.Text;

namespace HaproxyNet.Testing.Config;

/// <summary>The fixed corpus host, with configuration files served from memory (for keyword tests).</summary>
public sealed class InMemoryConfigEnvironment : FixedConfigEnvironment
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>Adds (or replaces) a configuration file; the text is stored as Latin-1 bytes.</summary>
    public InMemoryConfigEnvironment With(string name, string text)
    {
        _files[name] = Encoding.Latin1.GetBytes(text);
        return this;
    }

    public override Stream? OpenConfigFile(string path, out string error)
    {
        if (_files.TryGetValue(path, out var bytes))
        {
            error = string.Empty;
            return new MemoryStream(bytes, writable: false);
        }

        error = "No such file or directory";
        return null;
    }
}
