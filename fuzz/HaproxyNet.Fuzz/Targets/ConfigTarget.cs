using System.Net;
using System.Text;
using HaproxyNet.Config;
using HaproxyNet.Config.Environment;

namespace HaproxyNet.Fuzz.Targets;

/// <summary>
/// The config reader under fuzzing: the input is one whole haproxy.cfg, loaded with <see cref="ConfigLoader.Load"/> as
/// <c>haproxynet -c</c> does, on a fixed host (no DNS, no file system). The only documented ways out are a model
/// (exit code 0) or exit code 1 after at least one <c>[ALERT]</c>; an exception escaping the loader, a failure
/// without an alert, a diagnostic not ending in a newline, or two loads of the same text disagreeing is a finding.
/// </summary>
public static class ConfigTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        var bytes = input.ToArray();
        var first = Load(bytes);
        var second = Load(bytes);
        if (first != second)
        {
            throw new FuzzFindingException("two loads of the same text differ:\n" + first + "\n---\n" + second);
        }
    }

    private static string Load(byte[] bytes)
    {
        var sink = new Sink();
        var result = ConfigLoader.Load(["fuzz.cfg"], new ConfigLoadOptions(), new Host(bytes), sink);
        if (result.ExitCode is not (0 or 1))
        {
            throw new FuzzFindingException("exit code " + result.ExitCode);
        }

        if (result.ExitCode == 0 && result.Document is null)
        {
            throw new FuzzFindingException("exit code 0 without a model");
        }

        if (result.ExitCode == 1 && sink.Alerts == 0)
        {
            throw new FuzzFindingException("exit code 1 without an alert:\n" + sink.Text);
        }

        return result.ExitCode + "\n" + sink.Text;
    }

    /// <summary>Collects diagnostics; each must be a complete message.</summary>
    private sealed class Sink : IDiagnosticSink
    {
        private readonly StringBuilder _text = new();

        public int Alerts { get; private set; }

        public string Text => _text.ToString();

        public void Alert(string text)
        {
            Alerts++;
            Add("[ALERT] ", text);
        }

        public void Warning(string text) => Add("[WARNING] ", text);

        private void Add(string prefix, string text)
        {
            if (string.IsNullOrEmpty(text) || text[^1] != '\n')
            {
                throw new FuzzFindingException("diagnostic without its final newline: \"" + text + "\"");
            }

            _text.Append(prefix).Append(text);
        }
    }

    /// <summary>A fixed host: users/groups root and nobody, every side file missing but /e/503.http, localhost only.</summary>
    private sealed class Host(byte[] config) : IConfigEnvironment
    {
        private static readonly byte[] ErrorPage = "HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/html\r\n\r\n<html>down</html>\n"u8.ToArray();

        public bool TryGetUserId(string name, out int uid)
        {
            uid = name switch { "root" => 0, "nobody" => 65534, _ => -1 };
            return uid >= 0;
        }

        public bool TryGetGroupId(string name, out int gid)
        {
            gid = name switch { "root" => 0, "nogroup" => 65534, _ => -1 };
            return gid >= 0;
        }

        public bool TryReadFile(string path, out byte[] content, out string error)
        {
            if (path == "/e/503.http")
            {
                content = ErrorPage;
                error = string.Empty;
                return true;
            }

            content = [];
            error = "No such file or directory";
            return false;
        }

        public Stream? OpenConfigFile(string path, out string error)
        {
            if (path == "fuzz.cfg")
            {
                error = string.Empty;
                return new MemoryStream(config, writable: false);
            }

            error = "No such file or directory";
            return null;
        }

        public bool TryResolveHost(string name, out IPAddress address)
        {
            address = IPAddress.Loopback;
            return name == "localhost";
        }
    }
}
