using System.Net;
using System.Net.Sockets;
using HaproxyNet.Config;
using HaproxyNet.Config.Environment;
using HaproxyNet.Config.Model;
using HaproxyNet.Simulation;

namespace HaproxyNet.Tool;

/// <summary>Loads a haproxy.cfg through the production loader, after the tool's placeholder and <c>--set</c> edits.</summary>
internal static class ToolConfig
{
    /// <summary>The document, or null after printing 1.4's diagnostics / the edit errors on <paramref name="stderr"/>.</summary>
    public static ConfigDocument? Load(string path, IReadOnlyList<string> defines, IReadOnlyList<string> sets, TextWriter stderr)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, System.Text.Encoding.Latin1);
        }
        catch (IOException ex)
        {
            stderr.WriteLine("cannot read " + path + ": " + ex.Message);
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in defines)
        {
            var eq = d.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                stderr.WriteLine("--define expects NAME=VALUE, got '" + d + "'");
                return null;
            }

            values[d[..eq]] = d[(eq + 1)..];
        }

        text = ConfigText.ExpandPlaceholders(text, values, out var errors);
        foreach (var set in sets)
        {
            if (!ConfigText.TryApplySet(ref text, set, out var error))
            {
                errors.Add(error);
            }
        }

        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                stderr.WriteLine(e);
            }

            return null;
        }

        var sink = new TextDiagnosticSink(stderr);
        var result = ConfigLoader.Load([path], new ConfigLoadOptions(), new ToolConfigEnvironment(path, ConfigText.ToBytes(text)), sink);
        return result.IsValid ? result.Document : null;
    }

    private sealed class TextDiagnosticSink(TextWriter stderr) : IDiagnosticSink
    {
        public void Alert(string text) => stderr.Write("[ALERT] " + text);

        public void Warning(string text) => stderr.Write("[WARNING] " + text);
    }

    /// <summary>The main file from memory (edited), other files from disk, users and groups from /etc/passwd and /etc/group.</summary>
    private sealed class ToolConfigEnvironment(string mainPath, byte[] mainText) : IConfigEnvironment
    {
        public bool TryGetUserId(string name, out int uid) => TryFindId("/etc/passwd", name, out uid);

        public bool TryGetGroupId(string name, out int gid) => TryFindId("/etc/group", name, out gid);

        public bool TryReadFile(string path, out byte[] content, out string error)
        {
            try
            {
                content = File.ReadAllBytes(path);
                error = string.Empty;
                return true;
            }
            catch (IOException ex)
            {
                content = [];
                error = ex.Message;
                return false;
            }
            catch (UnauthorizedAccessException ex)
            {
                content = [];
                error = ex.Message;
                return false;
            }
        }

        public Stream? OpenConfigFile(string path, out string error)
        {
            error = string.Empty;
            if (path == mainPath)
            {
                return new MemoryStream(mainText, writable: false);
            }

            return TryReadFile(path, out var content, out error) ? new MemoryStream(content, writable: false) : null;
        }

        public bool TryResolveHost(string name, out IPAddress address)
        {
            address = IPAddress.None;
            try
            {
                foreach (var a in Dns.GetHostAddresses(name))
                {
                    if (a.AddressFamily == AddressFamily.InterNetwork)
                    {
                        address = a;
                        return true;
                    }
                }
            }
            catch (SocketException)
            {
            }

            return false;
        }

        private static bool TryFindId(string file, string name, out int id)
        {
            id = 0;
            if (!File.Exists(file))
            {
                return false;
            }

            foreach (var line in File.ReadLines(file))
            {
                var parts = line.Split(':');
                if (parts.Length > 2 && parts[0] == name && int.TryParse(parts[2], out id))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
