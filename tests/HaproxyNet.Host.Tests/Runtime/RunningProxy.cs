using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HaproxyNet.LogDiff.Normalization;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.Host.Tests.Runtime;

/// <summary>
/// The real <c>haproxynet</c> binary running a small loopback configuration, with a syslog receiver; always
/// stopped (SIGUSR1, then SIGTERM/SIGKILL) and cleaned up on dispose.
/// </summary>
internal sealed class RunningProxy : IDisposable
{
    public static readonly TimeSpan Bounded = TimeSpan.FromSeconds(15);

    /// <summary>A global section logging to the receiver and TCP defaults with every timeout set.</summary>
    public const string TcpDefaults = """
        global
            log 127.0.0.1:{SYSLOG} local0
        defaults
            log global
            mode tcp
            timeout connect 5s
            timeout client 30s
            timeout server 30s
        """;

    /// <summary><see cref="TcpDefaults"/> with <c>option tcplog</c>.</summary>
    public const string TcpLogDefaults = TcpDefaults + "\n    option tcplog";

    /// <summary>One TCP <c>listen</c> logging to the receiver, its server port 9 refusing (sessions end at once).</summary>
    public const string TcpListen = TcpDefaults + "\n" + """
        listen l
            bind 127.0.0.1:{FE}
            server s1 127.0.0.1:9
        """;

    private readonly ProxyProcess _process;
    private readonly string _stderrPath;

    private RunningProxy(string folder, SyslogReceiver syslog, ProxyProcess process)
    {
        Folder = folder;
        Syslog = syslog;
        _process = process;
        _stderrPath = Path.Combine(folder, "stderr.log");
    }

    public string Folder { get; }

    public SyslogReceiver Syslog { get; }

    public int Pid => _process.Pid;

    public bool HasExited => _process.HasExited;

    /// <summary><see cref="TcpListen"/> whose server is the loopback port <paramref name="serverPort"/>.</summary>
    public static string TcpListenTo(int serverPort)
        => TcpListen.Replace("server s1 127.0.0.1:9", "server s1 127.0.0.1:" + serverPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary><see cref="TcpListen"/> with <paramref name="lines"/> added at the top of its global section.</summary>
    public static string TcpListenWithGlobal(string lines)
        => TcpListen.Replace("global\n    log ", "global\n    " + lines + "\n    log ", StringComparison.Ordinal);

    /// <summary>Writes <paramref name="config"/> (<c>{SYSLOG}</c>, <c>{FE}</c> replaced) and starts <c>haproxynet -f cfg args</c>.</summary>
    public static RunningProxy Start(string config, int frontendPort, params string[] args)
        => StartWith(null, config, frontendPort, args);

    /// <summary>As <see cref="Start"/>, with <paramref name="environment"/> added to the child's environment.</summary>
    public static RunningProxy StartWith(IReadOnlyDictionary<string, string?>? environment, string config, int frontendPort, params string[] args)
        => StartCommand(["dotnet", Path.Combine(AppContext.BaseDirectory, "haproxynet.dll")], environment, config, frontendPort, args);

    /// <summary>As <see cref="StartWith"/>, running <paramref name="command"/> (e.g. the native binary) instead of the dll.</summary>
    public static RunningProxy StartCommand(
        IReadOnlyList<string> command, IReadOnlyDictionary<string, string?>? environment, string config, int frontendPort, params string[] args)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hnet-run-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var syslog = new SyslogReceiver();
        syslog.Start();
        var text = config.Replace("{SYSLOG}", syslog.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{FE}", frontendPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "haproxy.cfg"), text);
        var argv = new List<string>(command);
        argv.Add("-f");
        argv.Add("haproxy.cfg");
        argv.AddRange(args); // last, as -sf/-st must be
        var process = ProxyProcess.Start(argv, folder, Path.Combine(folder, "stdout.log"), Path.Combine(folder, "stderr.log"), environment);
        return new RunningProxy(folder, syslog, process);
    }

    /// <summary>A loopback TCP port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public bool WaitListening(int port) => _process.WaitListening([port], Bounded);

    /// <summary>Waits for <paramref name="count"/> datagrams matching <paramref name="pattern"/> (bounded).</summary>
    public bool WaitLog(string pattern, int count = 1) => Syslog.WaitFor(pattern, count, Bounded);

    public void Signal(int signal) => Signals.Send(Pid, signal);

    /// <summary>
    /// Waits (bounded) until the process catches <paramref name="signal"/>, read from <c>SigCgt</c> in
    /// <c>/proc/PID/status</c>. SIGTTOU/SIGTTIN handlers are set after the proxies start (as in 1.4), so a
    /// signal sent on the "started" line alone can still meet the default action and stop the process.
    /// </summary>
    public bool WaitCatches(int signal)
    {
        var deadline = DateTime.UtcNow + Bounded;
        var bit = 1UL << (signal - 1);
        while (DateTime.UtcNow < deadline)
        {
            if ((CaughtMask() & bit) != 0)
            {
                return true;
            }

            Thread.Sleep(5);
        }

        return false;
    }

    private ulong CaughtMask()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (line.StartsWith("SigCgt:", StringComparison.Ordinal))
                {
                    return ulong.Parse(line.AsSpan(7).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process is gone: nothing is caught.
        }

        return 0;
    }

    /// <summary>Waits for the process to end by itself (bounded), then stops it the hard way if needed; returns the exit code.</summary>
    public int? WaitExit()
    {
        var deadline = DateTime.UtcNow + Bounded;
        while (!_process.HasExited && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        return _process.Stop(TimeSpan.FromSeconds(1), static _ => { });
    }

    /// <summary>Every datagram received so far, as text.</summary>
    public List<string> Lines()
    {
        var lines = new List<string>();
        foreach (var record in Syslog.Records)
        {
            lines.Add(SyslogDatagramText.Decode(record.Data));
        }

        return lines;
    }

    /// <summary>stdout as written (Latin-1); readable while the process runs.</summary>
    public string Stdout()
    {
        var path = Path.Combine(Folder, "stdout.log");
        return File.Exists(path) ? File.ReadAllText(path, Encoding.Latin1) : string.Empty;
    }

    /// <summary>The file as it is now, even while the copier still writes it.</summary>
    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return reader.ReadToEnd();
    }

    /// <summary>stderr with the <c>DDD/HHMMSS (PID)</c> part of each prefix blanked; readable while the process runs.</summary>
    public string Stderr()
    {
        var text = File.Exists(_stderrPath) ? ReadShared(_stderrPath) : string.Empty;
        return System.Text.RegularExpressions.Regex.Replace(text, @"\] \d{3}/\d{6} \(\d+\) : ", "] T : ");
    }

    public void Dispose()
    {
        _process.Dispose();
        Syslog.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
